import { expectTrue, type Predicate } from './predicate.js';

// A folder of tests, a `heat_integrationtests/` beside the package as well (a `comptests/` of
// component tests, Dell EMC's snmp-agent); Django's `tests.py`
// and a package's `test.py` of test base classes (nova/test.py) are test files too; so is a
// `test-tools/` folder of stand-ins for a test bed (tacker's notification endpoint and CLI), and
// OpenStack's integration suite, Tempest, with its plugins (`tempest/`, `neutron_tempest_plugin/`,
// `tempestplugin/`, `tempest_lib/`): code that drives a cloud under test; and the Rally job
// plugins a project's gate runs (`rally-jobs/plugins/`).
export const TEST_PATH = /(^|\/)(?:\w+_)?(?:tests?|testing|test[-_]tools|integrationtests|functionaltests|unittests|comptests|tempest(?:_?plugin|_lib|_tests)?|rally[-_]jobs)\/|(^|\/)test_[^/]*\.py$|_tests?\.py$|(^|\/)tests?\.py$|(^|\/)conftest\.py$/;

/** True for paths of test code (`tests/`, `heat_integrationtests/`, `test-tools/`, Tempest and its plugins, `rally-jobs/`, `test_*.py`, `*_test.py`, `tests.py`, `test.py`, `conftest.py`). */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** The file being scanned is test code; the capture itself is not inspected. */
export const isTestFile: Predicate = {
  name: 'is-test-file',
  description: 'The file is test code (`tests/`, `heat_integrationtests/`, `comptests/`, `test-tools/`, Tempest and its plugins (`tempest/`, `*_tempest_plugin/`), gate jobs\' Rally plugins (`rally-jobs/`), `test_*.py`, `*_test.py`, Django\'s `tests.py`, `test.py`, `conftest.py`); the capture is not inspected. Use under `not:` to spare tests.',
  checkArg: expectTrue,
  test: (_node, _arg, ctx) => isTestPath(ctx.path),
};
