import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

const ds111 = compileRules(loadRules(bundledRulesDir()).filter((r) => r.id === 'DS111'));

/** The lines DS111 reports in the source. */
const reported = (source: string) => scanSource('sahara/service/edp/oozie/workflow_creator/base_workflow.py', source, ds111).findings.map((f) => f.line);

describe('DS111 on documents the code writes itself', () => {
  it("spares sahara's constant-filled documents under its `xml` alias, and reports the one a path is formatted into", () => {
    const source = [
      'import xml.dom.minidom as xml',
      '',
      'class OozieWorkflowCreator(object):',
      '    def __init__(self, name):',
      '        ok_elem = xml.parseString(\'<%s to="%s"/>\' % ("ok", "end"))',
      '        error_elem = xml.parseString(\'<%s to="%s"/>\' % ("error", "fail"))',
      '',
      '    def _add_to_prepare_element(self, element, paths):',
      '        for path in paths:',
      '            elem = xml.parseString(\'<%s path="%s"/>\' % (element, path))',
      '',
      '    def parse(self, data):',
      '        return xml.parseString(data)',
    ].join('\n');
    expect(reported(source)).toEqual([10, 13]);
  });

  it('spares `from xml.dom import minidom as xml` too', () => {
    const source = ['from xml.dom import minidom as xml', 'ok = xml.parseString(\'<%s to="%s"/>\' % ("ok", "end"))', 'bad = xml.parseString(body)'].join('\n');
    expect(reported(source)).toEqual([3]);
  });
});
