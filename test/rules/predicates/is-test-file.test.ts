import { isTestPath } from '../../../src/rules/predicates/is-test-file.js';

describe('is-test-file', () => {
  it.each([
    'nova/tests/unit/test_api.py',
    'swift/test/unit/common/test_db.py',
    'tests/helpers.py',
    'pkg/testing/fixtures.py',
    'heat_integrationtests/common/clients.py',
    'snmpagent_unity/comptests/snmpclient.py',
    'heat_integrationtests/functional/test_purge.py',
    'openstack_dashboard/dashboards/identity/users/tests.py',
    'nova/test.py',
    'api_test.py',
    'conftest.py',
    'tacker/sol_refactored/test-tools/notif_endpoint_app.py',
    'pkg/test_tools/fake_server.py',
    'tempest/lib/common/ssh.py',
    'tempest/tempest/scenario/manager.py',
    'neutron_tempest_plugin/api/base.py',
    'tempest_plugin/attestation.py',
    'tricircle/tempestplugin/services.py',
    'cue/rally-jobs/plugins/clusters.py',
  ])('%s is test code', (path) => {
    expect(isTestPath(path)).toBe(true);
  });

  it.each([
    'nova/compute/manager.py',
    'swift/common/latest/versions.py',
    'requests/adapters.py',
    'ironic/conductor/contest.py',
    'glance/api/testsuite.py',
    'tempestuous/storm.py',
    'rally_openstack/tempest_config.py',
    'rally_openstack/task/scenarios/nova/servers.py',
    'neutron/agent/tests_helper_not.py',
    'pkg/latest-tools/runner.py',
  ])('%s is not', (path) => {
    expect(isTestPath(path)).toBe(false);
  });
});
