import { expectTrue, type Predicate } from './predicate.js';

export const TEST_PATH = /(^|\/)(tests?|testing)\/|(^|\/)test_[^/]*\.py$|_tests?\.py$|(^|\/)conftest\.py$/;

/** True for paths of test code (`tests/`, `test_*.py`, `*_test.py`, `conftest.py`). */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** The file being scanned is test code; the capture itself is not inspected. */
export const isTestFile: Predicate = {
  name: 'is-test-file',
  description: 'The file is test code (`tests/`, `test_*.py`, `*_test.py`, `conftest.py`); the capture is not inspected. Use under `not:` to spare tests.',
  checkArg: expectTrue,
  test: (_node, _arg, ctx) => isTestPath(ctx.path),
};
