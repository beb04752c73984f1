import { flowOf, type TraceQuestion } from '../../../src/analysis/flow/file-flow.js';
import { deniesDisclosure, isMaskValue } from '../../../src/analysis/flow/redaction.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { stringValue } from '../../../src/analysis/string-literal.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';

// Sources: `source()`, a name ending in `secret` (whole objects: redacted when `password` or `data`
// goes), a `'password'` subscript, a `'password'` dict key with a call as its value, a string starting `secret:`.
const keyIsPassword = (key: SyntaxNode | null) => key?.type === 'string' && stringValue(key) === 'password';
const question: TraceQuestion = {
  isSource(node, viaField) {
    if (node.type === 'call') return node.childForFieldName('function')?.text === 'source';
    if (node.type === 'identifier') return !viaField && /secret$/.test(node.text);
    if (node.type === 'subscript') return keyIsPassword(node.childForFieldName('subscript'));
    if (node.type === 'pair') return keyIsPassword(node.childForFieldName('key')) && node.childForFieldName('value')?.type === 'call';
    if (node.type === 'string') return stringValue(node)?.startsWith('secret:') ?? false;
    return false;
  },
  isBarrier: () => false,
  isRedacted: (_source, removed) => removed.some((p) => p[p.length - 1] === 'password' || p.join('.') === 'data'),
};

/** The source's text reaching each `sink(...)`, or null. */
function sinks(code: string, q: TraceQuestion = question): (string | null)[] {
  const root = parsePython(code).rootNode;
  const flow = flowOf(root);
  return root
    .descendantsOfType('call')
    .filter((c) => c.childForFieldName('function')?.text === 'sink')
    .map((c) => flow.trace(c.childForFieldName('arguments')!, q)?.source.text ?? null);
}

const creds = "    d = {'user': u, 'password': source()}\n";

describe('FileFlow: a redaction between source and sink', () => {
  it('drops the entry deleted, popped or overwritten with a constant, after it and only after it', () => {
    expect(sinks(`def f(u):\n${creds}    sink(d)\n    del d['password']\n    sink(d)\n`)).toEqual(["'password': source()", null]);
    expect(sinks(`def f(u):\n${creds}    d.pop('password', None)\n    sink(d)\n`)).toEqual([null]);
    expect(sinks(`def f(u):\n${creds}    pw = d.pop('password')\n    sink(d)\n    sink(pw)\n`)).toEqual([null, "'password': source()"]);
    expect(sinks(`def f(u):\n${creds}    d['password'] = '*' * 8\n    sink(d)\n    sink(d.get('password'))\n`)).toEqual([null, null]);
    expect(sinks(`def f(u):\n${creds}    d['password'] = None\n    sink(d['user'])\n`)).toEqual([null]);
  });

  it('keeps the source when another key, another name, or one branch only is redacted, or the entry is written back', () => {
    expect(sinks(`def f(u):\n${creds}    del d['user']\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u):\n${creds}    e = dict(d)\n    del e['password']\n    sink(d)\n    sink(e)\n`)).toEqual(["'password': source()", null]);
    expect(sinks(`def f(u, c):\n${creds}    if c:\n        del d['password']\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u, c):\n${creds}    if c:\n        del d['password']\n    else:\n        d.pop('password')\n    sink(d)\n`)).toEqual([null]);
    expect(sinks(`def f(u):\n${creds}    del d['password']\n    d['password'] = source()\n    sink(d)\n`)).toEqual(['d[\'password\']']);
    // Not a constant: the entry is replaced by what may be another secret.
    expect(sinks(`def f(u, v):\n${creds}    d['password'] = v\n    sink(d)\n`)).toEqual(["d['password']"]);
  });

  it('counts a constant written over an entry that is itself a source', () => {
    expect(sinks(`def f(u):\n${creds}    d['url'] = 'secret:x'\n    sink(d)\n`)).toEqual(["'secret:x'"]);
  });

  it('redacts nested entries by their key path', () => {
    const nested = "def f(u):\n    d = {'data': {'password': source(), 'lun': 1}}\n";
    expect(sinks(`${nested}    d['data']['password'] = '***'\n    sink(d)\n    sink(d['data'])\n`)).toEqual([null, null]);
    expect(sinks(`${nested}    del d['data']['lun']\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`${nested}    d['data'].pop('password', None)\n    sink(d)\n`)).toEqual([null]);
  });

  it('sanitises a whole-object source only when the caller says the keys removed held its secret', () => {
    expect(sinks('def f(conn_secret):\n    c = dict(conn_secret)\n    del c["password"]\n    sink(c)\n')).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    c = dict(conn_secret)\n    c.pop("data")\n    sink(c)\n')).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    c = dict(conn_secret)\n    del c["lun"]\n    sink(c)\n')).toEqual(['conn_secret']);
    // A parameter only popped from (the walk of a read-only name is skipped otherwise).
    expect(sinks('def f(conn_secret):\n    conn_secret.pop("password", None)\n    sink(conn_secret)\n')).toEqual([null]);
    const { isRedacted: _, ...plain } = question;
    expect(sinks('def f(conn_secret):\n    c = dict(conn_secret)\n    del c["password"]\n    sink(c)\n', plain)).toEqual(['conn_secret']);
  });

  it('reads dict(x, k=const) and {**x, k: const} as copies with the entry replaced', () => {
    expect(sinks(`def f(u):\n${creds}    sink(dict(d, password='***'))\n    sink(dict(d, user='x'))\n`)).toEqual([null, "'password': source()"]);
    expect(sinks(`def f(u):\n${creds}    sink({**d, 'password': None})\n    sink({'password': None, **d})\n`)).toEqual([null, "'password': source()"]);
    expect(sinks('def f(conn_secret):\n    sink({**conn_secret, "data": {}})\n')).toEqual([null]);
  });

  it('reads a loop over constant keys that redacts each as a redaction of them all', () => {
    expect(sinks(`def f(u):\n${creds}    for k in ('password', 'token'):\n        d[k] = '***'\n    sink(d)\n`)).toEqual([null]);
    const mod = "SENSITIVE = frozenset(['password'])\n";
    expect(sinks(`${mod}def f(u):\n${creds}    for k in SENSITIVE:\n        if k in d:\n            del d[k]\n    sink(d)\n`)).toEqual([null]);
    expect(sinks(`def f(u):\n${creds}    for k in ['password']:\n        try:\n            del d[k]\n        except KeyError:\n            pass\n    sink(d)\n`)).toEqual([null]);
    // Keys not known, another condition, another key list.
    expect(sinks(`def f(u, keys):\n${creds}    for k in keys:\n        d.pop(k, None)\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u):\n${creds}    for k in ('password',):\n        if k.startswith('x'):\n            d[k] = '***'\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u):\n${creds}    for k in ('user',):\n        d[k] = '***'\n    sink(d)\n`)).toEqual(["'password': source()"]);
    // A membership guard on another collection may skip the key: not a redaction of it.
    expect(sinks(`def f(u, other):\n${creds}    for k in ('password',):\n        if k in other:\n            d[k] = '***'\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u, other):\n${creds}    for k in ('password',):\n        if other.get(k):\n            del d[k]\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u):\n${creds}    for k in ('password',):\n        if d.get(k):\n            del d[k]\n    sink(d)\n`)).toEqual([null]);
    // A module constant defined twice is not known.
    const twice = "SENSITIVE = ('password',)\nSENSITIVE = ('user',)\n";
    expect(sinks(`${twice}def f(u):\n${creds}    for k in SENSITIVE:\n        del d[k]\n    sink(d)\n`)).toEqual(["'password': source()"]);
  });

  it("reads a loop over the dict's own keys, redacting those a constant set lists, as a redaction of them", () => {
    const mod = "SENSITIVE = ('password', 'token')\n";
    expect(sinks(`${mod}def f(u):\n${creds}    for k in d:\n        if k in SENSITIVE:\n            d[k] = '***'\n    sink(d)\n`)).toEqual([null]);
    expect(sinks(`def f(u):\n${creds}    for k in list(d.keys()):\n        if k in ('password',):\n            del d[k]\n    sink(d)\n`)).toEqual([null]);
    // Case-folded: `k.lower()` lets through the keys whose lower case the set lists, whatever their case.
    const upper = "    d = {'user': u, 'Password': source()}\n";
    expect(sinks(`${mod}def f(u):\n${upper}    for k in d:\n        if k.lower() in SENSITIVE:\n            d[k] = '***'\n    sink(d)\n`)).toEqual([null]);
    // Look-alikes: the exact key compared (`'Password'` is not in the set), the keys of another dict,
    // a set not known, a folded key against a set with no lower-case member, the loop's redaction after the sink.
    expect(sinks(`${mod}def f(u):\n${upper}    for k in d:\n        if k in SENSITIVE:\n            d[k] = '***'\n    sink(d)\n`)).toEqual(['source()']);
    expect(sinks(`${mod}def f(u, other):\n${creds}    for k in other:\n        if k in SENSITIVE:\n            d[k] = '***'\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u, hidden):\n${creds}    for k in d:\n        if k in hidden:\n            d[k] = '***'\n    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(sinks(`def f(u):\n${upper}    for k in d:\n        if k.lower() in ('Password',):\n            d[k] = '***'\n    sink(d)\n`)).toEqual(['source()']);
    expect(sinks(`${mod}def f(u):\n${creds}    sink(d)\n    for k in d:\n        if k in SENSITIVE:\n            d[k] = '***'\n`)).toEqual(["'password': source()"]);
  });
});

describe('isMaskValue', () => {
  const valueOf = (code: string) => parsePython(`x = ${code}\n`).rootNode.descendantsOfType('assignment')[0]!.childForFieldName('right');
  it.each(["'***'", 'None', "''", '0', "'*' * 8", "len(pw) * '*'", "('***')", '{}', '[]'])('%s is a mask', (code) => expect(isMaskValue(valueOf(code))).toBe(true));
  it.each(['pw', "f'{pw}'", "'*' + pw", 'mask(pw)', "pw * 2", '{"a": pw}', '[pw]'])('%s is not', (code) => expect(isMaskValue(valueOf(code))).toBe(false));
});

describe('FileFlow: a source name redacted in place', () => {
  it('is not the source once every definition reaching it redacts its secret', () => {
    expect(sinks('def f(conn_secret):\n    conn_secret = dict(conn_secret)\n    conn_secret["data"] = {}\n    sink(conn_secret)\n')).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    del conn_secret["password"]\n    sink(conn_secret)\n')).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    del conn_secret["lun"]\n    sink(conn_secret)\n')).toEqual(['conn_secret']);
    expect(sinks('def f(conn_secret, c):\n    if c:\n        del conn_secret["password"]\n    sink(conn_secret)\n')).toEqual(['conn_secret']);
    expect(sinks('def f(conn_secret):\n    sink(conn_secret)\n    del conn_secret["password"]\n')).toEqual(['conn_secret']);
  });
});

describe('FileFlow: an entry written over with a sanitized value', () => {
  const cleaning: TraceQuestion = { ...question, isBarrier: (node) => node.type === 'call' && node.childForFieldName('function')?.text === 'clean' };
  it('redacts when the question says the value is sanitized, and adds the entry otherwise', () => {
    expect(sinks(`def f(u):\n${creds}    d['password'] = clean(d['password'])\n    sink(d)\n`, cleaning)).toEqual([null]);
    expect(sinks(`def f(u):\n${creds}    m = clean(u)\n    d['password'] = m\n    sink(d)\n`, cleaning)).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    c = dict(conn_secret)\n    c["data"] = clean(c["data"])\n    sink(c)\n', cleaning)).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    c = dict(conn_secret)\n    c["data"] = wrap(c["data"])\n    sink(c)\n', cleaning)).toEqual(['conn_secret']);
    expect(sinks(`def f(u):\n${creds}    d['password'] = fetch()\n    sink(d['user'])\n    sink(d)\n`, cleaning)).toEqual([null, "d['password']"]);
    expect(sinks(`def f(u):\n    d = {'user': u}\n    d['token'] = source()\n    sink(d)\n`, cleaning)).toEqual(['source()']);
  });
});

describe('FileFlow: an entry written over with a sanitized value, parsed or copied', () => {
  const cleaning: TraceQuestion = { ...question, isBarrier: (node) => node.type === 'call' && node.childForFieldName('function')?.text === 'clean' };
  it('redacts through ast.literal_eval, json.loads, str and dict of sanitized values only', () => {
    const node = 'def f(conn_secret):\n    c = dict(conn_secret)\n';
    expect(sinks(`${node}    c["data"] = ast.literal_eval(\n        clean(c["data"], "***"))\n    sink(c)\n`, cleaning)).toEqual([null]);
    expect(sinks(`${node}    c["data"] = json.loads(clean(json.dumps(c["data"])))\n    sink(c)\n`, cleaning)).toEqual([null]);
    expect(sinks(`${node}    c["data"] = dict(clean(c["data"]), lun=0)\n    sink(c)\n`, cleaning)).toEqual([null]);
    // What is parsed is not sanitized, or beside a value that is not.
    expect(sinks(`${node}    c["data"] = ast.literal_eval(wrap(c["data"]))\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    c["data"] = dict(clean(c["data"]), extra=c["data"])\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    c["data"] = json.loads(*parts)\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
  });
});

describe('FileFlow: a redaction under a denied permission to see secrets', () => {
  const cleaning: TraceQuestion = { ...question, isBarrier: (node) => node.type === 'call' && node.childForFieldName('function')?.text === 'clean' };
  const node = 'def f(conn_secret, context, verbose):\n    c = dict(conn_secret)\n';
  it('counts on every path: the path that skips it is the permitted caller\'s', () => {
    expect(sinks(`${node}    if not context.show_password:\n        c["data"] = clean(c["data"])\n    sink(c)\n`, cleaning)).toEqual([null]);
    expect(sinks(`${node}    if not show_driver_secrets:\n        del c["data"]\n    sink(c)\n`, cleaning)).toEqual([null]);
    expect(sinks(`${node}    if not policy.check("show_password", context, {}):\n        c.pop("data", None)\n    sink(c)\n`, cleaning)).toEqual([null]);
  });

  it('does not for another condition, a positive test, an else, or a branch that does more than redact', () => {
    expect(sinks(`${node}    if not verbose:\n        del c["data"]\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    if context.show_password:\n        del c["data"]\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    if not policy.check("x"):\n        del c["lun"]\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    if not context.show_password:\n        c["data"] = wrap(c["data"])\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    if not context.show_password:\n        c = dict(conn_secret)\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    if not context.show_password:\n        del c["data"]\n    elif verbose:\n        pass\n    sink(c)\n`, cleaning)).toEqual(['conn_secret']);
    expect(sinks(`${node}    sink(c)\n    if not context.show_password:\n        del c["data"]\n`, cleaning)).toEqual(['conn_secret']);
  });
});

describe('deniesDisclosure', () => {
  const conditionOf = (code: string) => parsePython(`if ${code}:\n    pass\n`).rootNode.descendantsOfType('if_statement')[0]!.childForFieldName('condition');
  it.each(['not show_password', 'not context.show_password', 'not (show_instance_secrets)', 'not show_secrets', "not policy.check('show_password', c, t)", 'not ironic.common.policy.authorize(r, t, c)'])(
    '%s denies',
    (code) => expect(deniesDisclosure(conditionOf(code))).toBe(true),
  );
  it.each(['show_password', 'not verbose', 'not context.is_admin', 'not show_passwords_hint()', "not checker.check('x')", 'not policy.rules', 'not show_password and verbose'])(
    '%s does not',
    (code) => expect(deniesDisclosure(conditionOf(code))).toBe(false),
  );
});

describe('FileFlow: redactions in hostile shapes', () => {
  it('does not recurse on a module loop that redacts the constant it iterates', () => {
    const code = "KEYS = ('password',)\nfor k in KEYS:\n    KEYS.pop(k)\nd = {'password': source()}\nfor k in KEYS:\n    del d[k]\nsink(d)\n";
    expect(sinks(code)).toHaveLength(1);
  });

  it('finishes on hundreds of redactions in branches (in under 5 s)', () => {
    const body = Array.from({ length: 300 }, (_, i) => `    if c${i}:\n        del d['k${i}']\n    else:\n        d.pop('j${i}', None)\n`).join('');
    const started = Date.now();
    expect(sinks(`def f(u):\n${creds}${body}    sink(d)\n`)).toEqual(["'password': source()"]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('FileFlow: an attribute written over', () => {
  it('redacts as an entry does (nova masks a console token so), not through self', () => {
    expect(sinks('def f(conn_secret):\n    shown = copy(conn_secret)\n    shown.password = "***"\n    sink(shown)\n')).toEqual([null]);
    expect(sinks('def f(conn_secret):\n    shown = copy(conn_secret)\n    shown.host = "***"\n    sink(shown)\n')).toEqual(['conn_secret']);
    expect(sinks('def f(u):\n    o = Obj()\n    o.password = source()\n    o.password = None\n    sink(o)\n')).toEqual([null]);
    expect(sinks('def f(u):\n    o = Obj()\n    o.password = source()\n    o.user = None\n    sink(o)\n')).toEqual(['source()']);
  });
});
