import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

const ds106 = compileRules(loadRules(bundledRulesDir()).filter((r) => r.id === 'DS106'));

/** The lines DS106 reports in the source, scanned at `path`. */
const reported = (path: string, source: string) => scanSource(path, source, ds106).findings.map((f) => f.line);

// heatclient: `yaml_loader` is a CSafeLoader subclass in heatclient/common/template_format.py,
// a module this file imports and does not show.
const shell = [
  'import yaml',
  '',
  'from heatclient.common import template_format',
  'from heatclient.common.template_format import yaml_loader',
  'from yamlloader import ordereddict',
  '',
  'def do_config_create(defn_raw, env_str):',
  '    defn = yaml.load(defn_raw, Loader=template_format.yaml_loader)',
  '    env = yaml.load(env_str,',
  '                    yaml_loader)',
  '    other = yaml.load(defn_raw, Loader=ordereddict.CLoader)',
  '    plain = yaml.load(defn_raw)',
  '    return defn, env, other, plain',
].join('\n');

describe('DS106 and a Loader from another module of the same package', () => {
  it("spares heatclient's loader imported from its own package, by keyword or by position", () => {
    expect(reported('python-heatclient/heatclient/v1/shell.py', shell)).toEqual([11, 12]);
  });

  it('judges the same import from a package the file is not in: not shown, so reported', () => {
    expect(reported('python-othertool/othertool/shell.py', shell)).toEqual([8, 9, 11, 12]);
  });
});
