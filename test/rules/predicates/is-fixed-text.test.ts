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
    // One of a table of fixed texts, whatever the key (ovn-bgp-agent's FRR templates).
    'ADD = "vrf {{ v }}"\nDEL = "no vrf {{ v }}"\ndef f(action):\n    t = {"add": ADD, "del": DEL}\n    x = t.get(action)',
    'def f(action):\n    t = {"add": "a", "del": "b"}\n    x = t[action]',
    'T = ("a", "b")\ndef f(i):\n    x = T[i]',
    'def f(action):\n    t = {"add": "a"}\n    x = t.get(action, "b")',
    'def f(action):\n    t = {"add": "a"}\n    x = t.get(action, None)',
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
    'def f(action, table):\n    x = table.get(action)',
    'def f(action, body):\n    t = {"add": "a", "custom": body}\n    x = t.get(action)',
    'def f(action, body):\n    t = {"add": "a"}\n    x = t.get(action, body)',
    'def f(action, extra):\n    t = {"add": "a", **extra}\n    x = t[action]',
    'def f(action, t={"add": "a"}):\n    x = t.get(action)',
    'def f(action):\n    t = {"add": "a"}\n    x = t.pop(action)',
  ])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
