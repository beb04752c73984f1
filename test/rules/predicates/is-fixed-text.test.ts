import { isFixedTextPredicate } from '../../../src/rules/predicates/is-fixed-text.js';
import { assignedValue } from '../../helpers/parse.js';

/** Tests the value of the snippet's last assignment. */
const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return isFixedTextPredicate.test(node, true, { path: 'workflow.py', imports });
};

describe('is-fixed-text', () => {
  it.each([
    'x = \'<%s to="%s"/>\' % ("ok", "end")',
    'x = \'<start to="action"/>\'',
    'x = "<a>" "</a>"',
    'TEMPLATE = \'<action name="%s"/>\'\nx = TEMPLATE % "map-reduce"',
    'def f():\n    doc = \'<%s/>\' % "kill"\n    x = doc',
    'DOC = "<kill/>"\ndef f():\n    x = DOC',
    'x = f\'<node id="{"n1"}"/>\'',
  ])('%j is fixed text', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'x = \'<%s path="%s"/>\' % (element, path)',
    'x = data',
    'def f(data):\n    x = data',
    'def f(data):\n    doc = "<kill/>"\n    if data:\n        doc = data\n    x = doc',
    'x = f\'<node id="{node_id}"/>\'',
    'x = "<a>" + body',
    'x = read_document()',
    'x = 3',
    'def f(doc="<kill/>"):\n    x = doc',
  ])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
