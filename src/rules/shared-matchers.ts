/** The lists of a flow rule that may borrow another rule's entries. */
const SHARED_LISTS = ['sources', 'sanitizers'] as const;

/** The flag a borrowing entry may set on every entry it brings in. */
const OVERRIDABLE = ['indirect-only'] as const;

/**
 * Expands `{from: DS205}` entries of the parsed rule documents' `sources` and `sanitizers` into
 * the entries the named rule (in the same folder) has in the same list, so that rules sharing a
 * long list of secrets write it once; `indirect-only:` beside `from:` overrides that flag on each
 * entry brought in. Documents are copied, not changed. A name that is not a rule of the folder, a
 * list that itself borrows, or another field beside `from:` is reported through `problem`.
 */
export function expandSharedMatchers(docs: readonly unknown[], problem: (index: number, field: string, reason: string) => never): unknown[] {
  const byId = new Map<string, Record<string, unknown>>();
  for (const doc of docs) {
    const id = (doc as Record<string, unknown> | null)?.id;
    if (typeof id === 'string' && doc && typeof doc === 'object') byId.set(id, doc as Record<string, unknown>);
  }
  return docs.map((doc, index) => {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return doc;
    const raw = doc as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const list of SHARED_LISTS) {
      const entries = raw[list];
      if (!Array.isArray(entries) || !entries.some(isBorrowing)) continue;
      const expanded: unknown[] = [];
      for (const [i, entry] of entries.entries()) {
        if (!isBorrowing(entry)) {
          expanded.push(entry);
          continue;
        }
        const at = `${list}[${i}]`;
        const { from, ...overrides } = entry as Record<string, unknown>;
        for (const key of Object.keys(overrides)) {
          if (!(OVERRIDABLE as readonly string[]).includes(key)) problem(index, `${at}.${key}`, `beside from: only ${OVERRIDABLE.join(', ')} may be given`);
          if (list !== 'sources') problem(index, `${at}.${key}`, 'applies to sources only');
        }
        const lender = byId.get(from as string);
        if (!lender) problem(index, `${at}.from`, `${String(from)} is not a rule in this folder`);
        const borrowed = lender![list];
        if (!Array.isArray(borrowed) || borrowed.some(isBorrowing)) problem(index, `${at}.from`, `${String(from)} has no ${list} of its own to share`);
        for (const item of borrowed as unknown[]) expanded.push(item && typeof item === 'object' ? { ...(item as object), ...overrides } : item);
      }
      out ??= { ...raw };
      out[list] = expanded;
    }
    return out ?? doc;
  });
}

function isBorrowing(entry: unknown): boolean {
  return !!entry && typeof entry === 'object' && !Array.isArray(entry) && 'from' in entry;
}
