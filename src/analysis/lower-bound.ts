/** The first index whose value is at least `value` (the array ascending). */
export function lowerBound(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether the ascending `values` hold one in [start, end). */
export function occursWithin(values: readonly number[], start: number, end: number): boolean {
  const i = lowerBound(values, start);
  return i < values.length && values[i]! < end;
}
