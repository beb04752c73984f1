import { bundledRulesDir } from '../../../src/package-root.js';
import { loadRules } from '../../../src/rules/load-rules.js';
import { compileRules } from '../../../src/rules/compile-rules.js';
import { scanSource } from '../../../src/analysis/scan-source.js';
import { isClientPackagePath } from '../../../src/rules/predicates/is-client-package.js';

describe('is-client-package', () => {
  it.each([
    'asr1k_neutron_l3/client_plugins/client.py',
    'asr1k_neutron_l3/client_plugins/v2/devices.py',
    'neutronclient/v2_0/client.py',
    'ironicclient/common/http.py',
    'heat/engine/clients/os/nova.py',
    'app/client/session.py',
  ])('%s is client code', (path) => {
    expect(isClientPackagePath(path)).toBe(true);
  });

  it.each(['nova/api/openstack/compute/servers.py', 'nova/network/neutron.py', 'ironic/common/glance_service/client.py', 'client.py', 'app/clientele/views.py', 'app/client_views.py'])('%s is not', (path) => {
    expect(isClientPackagePath(path)).toBe(false);
  });

  // SAP's asr1k neutronclient extension: the server's answer raised as a webob error for the CLI.
  const handler = [
    'from webob import exc as exceptions',
    '',
    '',
    'class Client(object):',
    '    def _check_response(self, resp):',
    '        status = resp.status_code',
    '        if status == 401:',
    '            raise exceptions.HTTPUnauthorized(',
    "                '{0}'.format(self._get_error_message(resp))",
    '            )',
    '',
    '    def _get_error_message(self, resp):',
    '        return resp.content',
    '',
  ].join('\n');

  it('keeps DS303 off a client package and on the same code served by an API', () => {
    const rules = loadRules(bundledRulesDir()).filter((r) => r.id === 'DS303');
    const compiled = compileRules(rules, { validate: false });
    const limits = { timeBudgetMs: 60_000, maxFindings: 100_000 };
    const found = (path: string) => scanSource(path, handler, compiled, limits).findings.filter((f) => f.ruleId === 'DS303').map((f) => f.line);
    expect(found('asr1k_neutron_l3/extensions/operations.py')).toEqual([8]);
    expect(found('asr1k_neutron_l3/client_plugins/client.py')).toEqual([]);
  });
});
