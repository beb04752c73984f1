/**
 * Yields `load(item)` for each item in order, with at most `width` loads in flight: the next
 * files are being read while the current one is scanned, and memory stays bounded.
 */
export async function* readAhead<T, R>(items: readonly T[], width: number, load: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  while (next < items.length && pending.length < width) pending.push(load(items[next++]!));
  while (pending.length) {
    const value = await pending.shift()!;
    if (next < items.length) pending.push(load(items[next++]!));
    yield value;
  }
}
