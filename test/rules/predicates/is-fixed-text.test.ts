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
    // A loop's row of a table written out (nectar-tools' image test).
    'ONELINERS = [("disk", "grep vdb /proc/mounts"), ("ntp", "pgrep " + "ntp")]\nfor i in ONELINERS:\n    x = i[-1]',
    'ONELINERS = [("disk", "grep vdb /proc/mounts"), ("ntp", "pgrep ntp")]\nfor i in ONELINERS:\n    x = i[0]',
    'def f():\n    for label, command in [("disk", "df"), ("ntp", "pgrep ntp")]:\n        x = command',
    'def f():\n    for command in ("df", "uptime"):\n        x = command',
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
    // Loops over rows not all written out, or the name bound again in the body.
    'def f(rows):\n    for i in rows:\n        x = i[-1]',
    'def f(host):\n    for i in [("a", "df"), ("b", host)]:\n        x = i[-1]',
    'def f():\n    for i in [("a", "df"), ("b",)]:\n        x = i[1]',
    'def f(other):\n    for i in [("a", "df")]:\n        i = other\n        x = i[-1]',
    'def f(extra):\n    for i in [("a", "df"), *extra]:\n        x = i[-1]',
    'def f(k):\n    for i in [("a", "df")]:\n        x = i[k]',
    'def f():\n    for label, command in [("disk", "df"), ("ntp",)]:\n        x = command',
  ])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
