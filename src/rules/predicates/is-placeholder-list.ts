import { expectTrue, type Predicate } from './predicate.js';
import { isPlaceholderList } from './fills-only-placeholders.js';

/** The capture is a run of bind placeholders: `", ".join(["%s"] * n)`, `",".join("?" for _ in ids)`, `"?, ?"`. */
export const isPlaceholderListPredicate: Predicate = {
  name: 'is-placeholder-list',
  description: 'The captured expression is only bind placeholders: `", ".join(["%s"] * len(ids))`, `",".join("?" for _ in ids)`, or a constant like `"?, ?"`; formatted into SQL it adds no value.',
  checkArg: expectTrue,
  test: (node) => isPlaceholderList(node),
};
