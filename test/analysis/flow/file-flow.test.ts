import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { flowOf } from '../../../src/analysis/flow/file-flow.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { traceSinks } from './trace-helper.js';

const one = (source: string) => {
  const results = traceSinks(source);
  expect(results).toHaveLength(1);
  return results[0]!;
};

describe('FileFlow.trace: reaching definitions', () => {
  it('follows an assignment and names the step', () => {
    expect(one('def f():\n    x = source()\n    sink(x)\n')).toEqual({ line: 3, source: 'source()', steps: ['x@2'] });
  });

  it('finds the names of a file that starts with blank lines where they are (the module starts after them)', () => {
    expect(one('\n\n  \ndef f():\n    x = source()\n    sink(x)\n')).toEqual({ line: 6, source: 'source()', steps: ['x@5'] });
    expect(one('\n\ndef f():\n    x = source()\n    x = 1\n    sink(x)\n').source).toBeNull();
  });

  it('respects statement order: a later redefinition kills the earlier one', () => {
    expect(one('def f():\n    x = source()\n    x = 1\n    sink(x)\n').source).toBeNull();
    expect(one('def f():\n    x = 1\n    sink(x)\n    x = source()\n').source).toBeNull();
  });

  it('merges branches of if/elif/else', () => {
    const src = 'def f(c):\n    x = 1\n    if c:\n        x = source()\n    elif d:\n        x = 2\n    sink(x)\n';
    expect(one(src)).toMatchObject({ source: 'source()', steps: ['x@4'] });
    const killed = 'def f(c):\n    if c:\n        x = source()\n    else:\n        x = 2\n    x = 3\n    sink(x)\n';
    expect(one(killed).source).toBeNull();
  });

  it('lets a definition late in a loop body reach a read early in it', () => {
    const src = 'def f(items):\n    x = None\n    for i in items:\n        sink(x)\n        x = source()\n';
    expect(one(src)).toMatchObject({ source: 'source()' });
    const whileLoop = 'def f():\n    x = 1\n    while c:\n        sink(x)\n        x = source()\n';
    expect(one(whileLoop)).toMatchObject({ source: 'source()' });
  });

  it('binds tuple unpacking pairwise when the shapes agree, and wholesale when not', () => {
    expect(one('def f():\n    a, b = source(), 1\n    sink(b)\n').source).toBeNull();
    expect(one('def f():\n    a, b = source(), 1\n    sink(a)\n')).toMatchObject({ source: 'source()', steps: ['a@2'] });
    expect(one('def f():\n    a, *b = g(source())\n    sink(b)\n').source).toBeNull();
    expect(one('def f():\n    a, b = source()\n    sink(b)\n')).toMatchObject({ source: 'source()' });
  });

  it('gives a name unpacked from a same-file helper only its element of the tuple the helper returns', () => {
    const helper = 'def params():\n    host = conf.host\n    secret = conf.secret\n    return (host, conf.user, secret)\n';
    expect(one(`${helper}def f():\n    host, user, pw = params()\n    sink(host)\n`).source).toBeNull();
    expect(one(`${helper}def f():\n    host, user, pw = params()\n    sink(pw)\n`)).toMatchObject({ source: 'secret' });
    const bare = 'class C:\n    def _cmd(self):\n        headers = {"password": self.key}\n        return "GET", headers\n    def send(self):\n        method, headers = self._cmd()\n        sink(method)\n        sink(headers)\n';
    expect(traceSinks(bare).map((r) => r.source)).toEqual([null, '"password": self.key']);
    // The call wrapped in parentheses to span lines (os-brick's scaleio connector): the same.
    expect(one(`${helper}def f():\n    host, user, pw = (\n        params())\n    sink(host)\n`).source).toBeNull();
    expect(one(`${helper}def f():\n    host, user, pw = (\n        params())\n    sink(pw)\n`)).toMatchObject({ source: 'secret' });
    // A helper returning a name bound to a tuple: that element of it.
    expect(one('def params():\n    out = (1, source())\n    return out\ndef f():\n    a, b = params()\n    sink(a)\n').source).toBeNull();
    expect(one('def params():\n    out = (1, source())\n    return out\ndef f():\n    a, b = params()\n    sink(b)\n')).toMatchObject({ source: 'source()' });
    // A name unpacked from a name bound to a tuple: its element too.
    expect(one('def f(u):\n    pair = (u, source())\n    user, pw = pair\n    sink(user)\n').source).toBeNull();
    expect(one('def f(u):\n    pair = (u, source())\n    user, pw = pair\n    sink(pw)\n')).toMatchObject({ source: 'source()', steps: ['pair@2', 'pw@3'] });
    expect(one('def f(u):\n    pair = tuple([u, source()])\n    user, pw = pair\n    sink(user)\n')).toMatchObject({ source: 'source()' });
    // A helper returning something other than a tuple: each name may hold any of it.
    expect(one('def params():\n    out = tuple([1, source()])\n    return out\ndef f():\n    a, b = params()\n    sink(a)\n')).toMatchObject({ source: 'source()' });
  });

  it('keeps a field read through dict() and copy(): another key of the copied mapping is not the secret', () => {
    expect(one('def f(secret):\n    d = dict({"password": secret, "user": u})\n    sink(d["user"])\n').source).toBeNull();
    expect(one('def f(secret):\n    d = dict({"password": secret, "user": u})\n    sink(d)\n')).toMatchObject({ source: '"password": secret' });
    expect(one('def f(info):\n    d = copy(info)\n    sink(d)\n').source).toBeNull();
  });

  it('reads a field of a loop variable over a written list as a field of each element', () => {
    // octavia's rollback: `for i in [certificate_secret, ...]: LOG.info(..., i.name, i.secret_ref)`.
    expect(one('def f(cert_secret, other):\n    for i in [cert_secret, other]:\n        sink(i.name)\n').source).toBeNull();
    expect(one('def f(cert_secret, other):\n    for i in [cert_secret, other]:\n        sink(i)\n')).toMatchObject({ source: 'cert_secret' });
    expect(one('def f():\n    for i in [source(), other]:\n        sink(i.name)\n')).toMatchObject({ source: 'source()' });
  });

  it('reads a field of a loop variable over a list reached through names or a helper as a field of each element', () => {
    // monasca-api's grafana-init: `for user in create_login_payload(): logging.info(..., user.get('user'))`.
    const users = 'USERS = [{"user": u, "pw": source()}]\ndef payload():\n    found = USERS\n    return found\n';
    expect(one(`${users}def f():\n    for user in payload():\n        sink(user.get("user"))\n`).source).toBeNull();
    expect(one(`${users}def f():\n    for user in USERS:\n        sink(user["user"])\n`).source).toBeNull();
    expect(one(`${users}def f():\n    for user in payload():\n        sink(user.pop("user"))\n`).source).toBeNull();
    expect(one(`${users}def f():\n    for user in payload():\n        sink(user.get("pw"))\n`)).toMatchObject({ source: 'source()' });
    expect(one(`${users}def f(key):\n    for user in payload():\n        sink(user.get(key))\n`)).toMatchObject({ source: 'source()' });
    expect(one(`${users}def f():\n    for user in payload():\n        sink(user)\n`)).toMatchObject({ source: 'source()' });
    expect(one(`${users}def f():\n    for user in payload():\n        sink("%s" % user)\n`)).toMatchObject({ source: 'source()' });
    expect(one(`${users}def f():\n    for user in payload():\n        sink(user.items())\n`)).toMatchObject({ source: 'source()' });
    // A name unpacked from a helper's tuple, read at a key: that key of its element.
    expect(one('def params():\n    return {"user": u, "pw": source()}, 1\ndef f():\n    creds, n = params()\n    sink(creds["user"])\n').source).toBeNull();
    // A pair of dict() is no mapping: read at the pair's key it still gives the value.
    expect(one('def f(secret):\n    pairs = [("user", u), ("pw", secret)]\n    sink(dict(pairs)["pw"])\n')).toMatchObject({ source: 'secret' });
  });

  it('gives the key of d.items() and the index of enumerate() nothing of the values', () => {
    expect(one('def f(d):\n    d = {"a": source()}\n    for k, v in d.items():\n        sink(k)\n').source).toBeNull();
    expect(one('def f(d):\n    d = {"a": source()}\n    for k, v in d.items():\n        sink(v)\n')).toMatchObject({ source: 'source()', steps: ['d@2', 'v@3'] });
    expect(one('def f():\n    for i, x in enumerate([source()]):\n        sink(i)\n').source).toBeNull();
  });

  it('gives each name of a loop over a list of tuples bound to a name first only its position of each tuple', () => {
    // vmware-nsx's _stop_bgp_on_edges: `gw_edges = [(p['esg_id'], p['password']) ...]`, then `for gw_edge, password in gw_edges`.
    const comprehension = 'def f(ps):\n    pairs = [(p.id, source()) for p in ps]\n    for gw, pw in pairs:\n';
    expect(one(`${comprehension}        sink(gw)\n`).source).toBeNull();
    expect(one(`${comprehension}        sink(pw)\n`)).toMatchObject({ source: 'source()', steps: ['pairs@2', 'pw@3'] });
    const written = 'def f(a, b):\n    pairs = [(a, source()), (b, source())]\n    for gw, pw in pairs:\n';
    expect(one(`${written}        sink(gw)\n`).source).toBeNull();
    expect(one(`${written}        sink(pw)\n`)).toMatchObject({ source: 'source()' });
    // Shapes that do not agree, a list that gains tuples, or one defined in a branch: each name may hold any of it.
    expect(one('def f(ps):\n    pairs = [(p.id, p.x, source()) for p in ps]\n    for gw, pw in pairs:\n        sink(gw)\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(a, b):\n    pairs = [(a, b), source()]\n    for gw, pw in pairs:\n        sink(gw)\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(a):\n    pairs = []\n    pairs.append((source(), a))\n    for gw, pw in pairs:\n        sink(pw)\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(a, c):\n    pairs = [(a, 1)]\n    if c:\n        pairs = source()\n    for gw, pw in pairs:\n        sink(gw)\n')).toMatchObject({ source: 'source()' });
  });

  it('reads a constant position of a tuple (`cmd[0]`) as that element, of each tuple when the name is a loop\'s', () => {
    // StarlingX's migrate_databases: `for cmd in migrate_commands`, `cmd[0]` the name, `cmd[1]` the command with the password.
    const pairs = 'def f(a):\n    cmds = [("barbican", source())]\n    cmds += [("fm", "fm-dbsync")]\n    for cmd in cmds:\n';
    expect(one(`${pairs}        sink(cmd[0])\n`).source).toBeNull();
    expect(one(`${pairs}        sink(cmd[1])\n`)).toMatchObject({ source: 'source()' });
    expect(one(`${pairs}        sink(cmd)\n`)).toMatchObject({ source: 'source()' });
    // `+=` and `+` keep each side's tuples; a comprehension's and a tuple bound whole too.
    expect(one('def f(a):\n    cmds = [("fm", "x")] + [("b", source())]\n    for cmd in cmds:\n        sink(cmd[1])\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(a):\n    cmds = [("fm", "x")] + [("b", source())]\n    for cmd in cmds:\n        sink(cmd[0])\n').source).toBeNull();
    expect(one('def f(ps):\n    for cmd in [(p.name, source()) for p in ps]:\n        sink(cmd[0])\n').source).toBeNull();
    expect(one('def f(a):\n    t = ("name", source())\n    sink(t[0])\n').source).toBeNull();
    expect(one('def f(a):\n    t = ("name", source())\n    sink(t[1])\n')).toMatchObject({ source: 'source()' });
    // The first tuple of a list, and a position past a shorter tuple or of something not a tuple: read whole.
    expect(one('def f(a):\n    cmds = [("fm", source())]\n    first = cmds[0]\n    sink(first[0])\n').source).toBeNull();
    expect(one('def f(a):\n    cmds = [("fm", source())]\n    first = cmds[0]\n    sink(first[1])\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(a):\n    cmds = [("fm",), source()]\n    for cmd in cmds:\n        sink(cmd[0])\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(a):\n    cmds = []\n    cmds.append(("fm", source()))\n    for cmd in cmds:\n        sink(cmd[0])\n')).toMatchObject({ source: 'source()' });
  });

  it('gives each name of a loop over a list of tuples written in its header its position of every tuple, not a tuple each', () => {
    // Pairwise binding took `for a, b in [(x, y), (z, w)]` for `a, b = (x, y), (z, w)`.
    const loop = 'def f(conf):\n    for name, value in [("admin", source()), ("user", conf.user)]:\n';
    expect(one(`${loop}        sink(name)\n`).source).toBeNull();
    expect(one(`${loop}        sink(value)\n`)).toMatchObject({ source: 'source()', steps: ['value@2'] });
    const second = 'def f(conf):\n    for name, value in [("user", conf.user), ("admin", source())]:\n';
    expect(one(`${second}        sink(name)\n`).source).toBeNull();
    expect(one(`${second}        sink(value)\n`)).toMatchObject({ source: 'source()' });
    // Elements that are not tuples of the target's length: each name may hold any element whole.
    expect(one('def f(x):\n    for a, b in [x, source()]:\n        sink(a)\n')).toMatchObject({ source: 'source()' });
    expect(one('def f(x):\n    for a, b in [(x, 1, source())]:\n        sink(a)\n')).toMatchObject({ source: 'source()' });
  });

  it('follows for and with-as targets, walrus and augmented assignment', () => {
    expect(one('def f():\n    for k in source():\n        sink(k)\n')).toMatchObject({ steps: ['k@2'] });
    expect(one('def f():\n    with source() as fh:\n        sink(fh)\n')).toMatchObject({ steps: ['fh@2'] });
    expect(one('def f():\n    if (y := source()):\n        sink(y)\n')).toMatchObject({ steps: ['y@2'] });
    expect(one('def f():\n    msg = "a"\n    msg += source()\n    sink(msg)\n')).toMatchObject({ steps: ['msg@3'] });
    expect(one('def f():\n    msg = source()\n    msg += "tail"\n    sink(msg)\n')).toMatchObject({ steps: ['msg@2', 'msg@3'] });
  });

  it('binds except-as names, whose value is unknown', () => {
    expect(one('def f():\n    try:\n        g()\n    except E as secret:\n        sink(secret)\n')).toMatchObject({ source: 'secret' });
    expect(one('def f():\n    try:\n        x = source()\n    except E:\n        sink(x)\n')).toMatchObject({ source: 'source()' });
  });

  it('reads module constants and parameter defaults', () => {
    expect(one('KEY = source()\n\ndef f():\n    sink(KEY)\n')).toMatchObject({ steps: ['KEY@1'] });
    expect(one('def f(a=source()):\n    sink(a)\n')).toMatchObject({ steps: ['a@1'] });
    expect(one('def f(a):\n    sink(a)\n').source).toBeNull();
  });

  it('keeps comprehension variables inside the comprehension', () => {
    expect(one('def f():\n    sink([v.upper() for v in source()])\n')).toMatchObject({ source: 'source()', steps: ['v@2'] });
  });
});

describe('FileFlow.trace: values that carry other values', () => {
  it.each([
    ['an f-string', 'msg = f"pw={x}"'],
    ['%', 'msg = "pw=%s" % x'],
    ['%-tuple', 'msg = "%s %s" % (a, x)'],
    ['.format', 'msg = "pw={}".format(x)'],
    ['+', 'msg = "pw=" + x'],
    ['join', 'msg = ", ".join([a, x])'],
    ['str()', 'msg = str(x)'],
    ['repr()', 'msg = repr(x)'],
    ['format()', 'msg = format(x)'],
    ['a dict literal', 'msg = {"a": x}'],
    ['a list literal', 'msg = [a, x]'],
    ['a tuple', 'msg = (a, x)'],
    ['a set', 'msg = {a, x}'],
    ['a dict comprehension', 'msg = {k: x for k in ks}'],
    ['copy.deepcopy', 'msg = copy.deepcopy(x)'],
    ['a method on the value', 'msg = x.encode()'],
    ['or', 'msg = x or ""'],
    ['a conditional', 'msg = x if c else None'],
    ['dict(**kwargs)', 'msg = dict(**{"a": x})'],
  ])('carries through %s', (_what, line) => {
    const result = one(`def f():\n    x = source()\n    ${line}\n    sink(msg)\n`);
    expect(result).toMatchObject({ source: 'source()', steps: ['x@2', 'msg@3'] });
  });

  it.each([
    ['len()', 'msg = len(x)'],
    ['a comparison', 'msg = x is None'],
    ['not', 'msg = not x'],
    ['an unknown call', 'msg = compute(x)'],
    ['a barrier', 'msg = clean(x)'],
    ['arithmetic', 'msg = x - 1'],
  ])('does not carry through %s', (_what, line) => {
    expect(one(`def f():\n    x = source()\n    ${line}\n    sink(msg)\n`).source).toBeNull();
  });

  it('adds to a container by d[k] = v, update, append and extend', () => {
    expect(one('def f():\n    d = {}\n    d["x"] = source()\n    sink(d)\n')).toMatchObject({ source: 'source()', steps: ['d@3'] });
    expect(one('def f():\n    d = {}\n    d.update(a=source())\n    sink(d)\n')).toMatchObject({ source: 'source()' });
    expect(one('def f():\n    l = []\n    l.append(source())\n    sink(l)\n')).toMatchObject({ source: 'source()' });
    expect(one('def f():\n    l = [1]\n    l.extend(source())\n    l.append(2)\n    sink(l)\n')).toMatchObject({ source: 'source()' });
  });

  it('reports the written key as the source when it is one', () => {
    expect(one('def f(pw):\n    d = {}\n    d["password"] = pw\n    sink(d)\n')).toMatchObject({ source: 'd["password"]', steps: ['d@3'] });
  });

  it('follows only the key read from a dict literal or a keyed write', () => {
    const src = (key: string) => `def f(pw, u):\n    d = {"password": pw, "user": u}\n    sink(d[${key}])\n`;
    expect(one(src('"user"')).source).toBeNull();
    expect(one(src('"password"'))).toMatchObject({ source: 'd["password"]' });
    expect(one('def f(pw, u):\n    d = {"password": pw, "user": u}\n    sink(d.get("user"))\n').source).toBeNull();
    expect(one('def f(pw, u):\n    d = {"password": pw, "user": u}\n    sink(d.get("password"))\n')).toMatchObject({ source: '"password": pw' });
    expect(one('def f(pw):\n    d = {}\n    d["password"] = pw\n    sink(d["user"])\n').source).toBeNull();
  });

  it('does not count an object as its field: a field read of a name source is not the source', () => {
    expect(one('def f(secret):\n    sink(secret.name)\n').source).toBeNull();
    expect(one('def f(secret):\n    sink(secret)\n')).toMatchObject({ source: 'secret' });
    expect(one('def f(secret):\n    sink(secret[:4])\n')).toMatchObject({ source: 'secret' });
    expect(one('def f(x):\n    x = source()\n    sink(x.name)\n')).toMatchObject({ source: 'source()' });
  });
});

describe('FileFlow.trace: beyond one function', () => {
  it('reads self.attr set in another method of the class', () => {
    const src = 'class A:\n    def __init__(self):\n        self.info = source()\n\n    def go(self):\n        sink(self.info)\n';
    expect(one(src)).toMatchObject({ source: 'source()', steps: ['self.info@3'] });
    const other = 'class A:\n    def __init__(self):\n        self.info = source()\n\nclass B:\n    def go(self):\n        sink(self.info)\n';
    expect(one(other).source).toBeNull();
  });

  it('finds self.attr assigned annotated, augmented, across a line continuation or at class level', () => {
    const method = (assignment: string) => `class A:\n    def __init__(self):\n        ${assignment}\n\n    def go(self):\n        sink(self.info)\n`;
    expect(one(method('self.info: str = source()')).source).toBe('source()');
    expect(one(method('self.info += source()')).source).toBe('source()');
    expect(one(method('self.info **= source()')).source).toBe('source()');
    expect(one(method('self.info \\\n            = source()')).source).toBe('source()');
    expect(one(method('self.other = source()')).source).toBeNull();
    const classLevel = 'class A:\n    info = source()\n\n    def go(self):\n        sink(self.info)\n';
    expect(one(classLevel).source).toBe('source()');
  });

  it('leaves out what only looks like an assignment of self.attr: a nested class\'s, a dict key, another object\'s', () => {
    const nested = 'class A:\n    class B:\n        def __init__(self):\n            self.info = source()\n\n    def go(self):\n        sink(self.info)\n';
    expect(one(nested).source).toBeNull();
    const key = 'class A:\n    def __init__(self):\n        d = {"info": source(), info: source()}\n        other.info = source()\n\n    def go(self):\n        sink(self.info)\n';
    expect(one(key).source).toBeNull();
    const chained = 'class A:\n    def __init__(self):\n        self.other = self.info = source()\n\n    def go(self):\n        sink(self.info)\n';
    expect(one(chained).source).toBe('source()');
  });

  it('summarises one level of same-file helpers, arguments standing for parameters', () => {
    const src = 'def build(a, b):\n    return {"x": b}\n\ndef f():\n    sink(build(1, source()))\n';
    expect(one(src)).toMatchObject({ source: 'source()', steps: ['b@1', 'build()@2'] });
    const unused = 'def build(a, b):\n    return {"x": a}\n\ndef f():\n    sink(build(1, source()))\n';
    expect(one(unused).source).toBeNull();
    const method = 'class A:\n    def _info(self, pw=None):\n        return "%s" % pw\n\n    def go(self):\n        sink(self._info(pw=source()))\n';
    expect(one(method)).toMatchObject({ source: 'source()' });
    const positional = 'class A:\n    def _info(self, user, pw):\n        return pw\n\n    def go(self):\n        sink(self._info("u", source()))\n        sink(self._info(source(), "p"))\n';
    expect(traceSinks(positional).map((r) => r.source)).toEqual(['source()', null]);
    const returnsSource = 'def _conn():\n    return {"password": g()}\n\ndef f():\n    info = _conn()\n    sink(info)\n';
    expect(one(returnsSource)).toMatchObject({ source: '"password": g()', steps: ['_conn()@2', 'info@5'] });
  });

  it('keeps a pending key read through self.attr and into a helper\'s return', () => {
    const attr = 'class A:\n    def __init__(self, pw, u):\n        self.c = {"password": pw, "user": u}\n\n    def go(self):\n        c = self.c\n        sink(c["user"])\n        sink(c["password"])\n';
    expect(traceSinks(attr).map((r) => r.source)).toEqual([null, 'c["password"]']);
    const helper = 'def build(pw, u):\n    return {"password": pw, "user": u}\n\ndef f(p):\n    d = build(p, 1)\n    sink(d["user"])\n    sink(d["password"])\n';
    expect(traceSinks(helper).map((r) => r.source)).toEqual([null, 'd["password"]']);
  });

  it('treats a name replaced by a barrier or a constant as clean', () => {
    expect(one('def f(secret):\n    secret = clean(secret)\n    msg = "%s" % secret\n    sink(msg)\n').source).toBeNull();
    expect(one('def f(secret):\n    secret = "***"\n    msg = "%s" % secret\n    sink(msg)\n').source).toBeNull();
    expect(one('def f(secret, c):\n    if c:\n        secret = "***"\n    msg = "%s" % secret\n    sink(msg)\n')).toMatchObject({ source: 'secret' });
  });

  it('does not count a keyed entry whose value is sanitized or cleared as a source', () => {
    expect(one('def f(pw):\n    d = {"password": clean(pw)}\n    sink(d)\n').source).toBeNull();
    expect(one('def f(pw):\n    masked = clean(pw)\n    d = {"user": 1, "password": masked}\n    sink(d)\n').source).toBeNull();
    expect(one('def f(pw, c):\n    masked = clean(pw)\n    if c:\n        masked = pw\n    d = {"password": masked}\n    sink(d)\n')).toMatchObject({ source: '"password": masked' });
  });

  it('does not take a constant that is itself a source (a credentialed URL literal) for a clearing one', () => {
    expect(one('def f():\n    url = "secret:amqp"\n    msg = "%s" % url\n    sink(msg)\n')).toEqual({ line: 4, source: '"secret:amqp"', steps: ['url@2', 'msg@3'] });
    expect(one('def f(secret):\n    secret = "public"\n    sink(secret)\n').source).toBeNull();
  });

  it('enters helpers only one level deep', () => {
    const src = 'def inner():\n    return source()\n\ndef outer():\n    return inner()\n\ndef f():\n    sink(outer())\n';
    expect(one(src).source).toBeNull();
  });

  it('stays bounded on a long chain of definitions', () => {
    const lines = ['def f():', '    x0 = source()'];
    for (let i = 1; i < 3000; i++) lines.push(`    x${i} = x${i - 1} + x${i - 1}`);
    lines.push('    sink(x2999)');
    const started = Date.now();
    const result = one(lines.join('\n') + '\n');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.line).toBe(3002);
  });
});

describe('FileFlow.trace: names walked on demand', () => {
  it('still sees a parameter gain a field, an added value or a tuple-target field, wherever else it is only read', () => {
    expect(one('def f(x):\n    log(x.uuid)\n    x.a = source()\n    sink(x)\n').source).toBe('source()');
    expect(one('def f(x):\n    log(x.uuid)\n    x.a += source()\n    sink(x)\n').source).toBe('source()');
    expect(one('def f(x):\n    x.update(source())\n    sink(x)\n').source).toBe('source()');
    expect(one('def f(x):\n    x.a, y = source(), 1\n    sink(x)\n').source).toBe('source()');
    expect(one('def f(x):\n    x . a  =  source()\n    sink(x)\n').source).toBe('source()');
  });

  it('gives a parameter only read in the body its default, and a name neither defined nor a parameter nothing', () => {
    expect(one('def f(x=source()):\n    log(x.uuid, x.get("a"))\n    sink(x)\n')).toMatchObject({ source: 'source()', steps: ['x@1'] });
    expect(one('def f(x):\n    log(x.uuid)\n    sink(x)\n').source).toBeNull();
    expect(one('def f(a):\n    sink(y.z)\n').source).toBeNull();
  });

  it('tells a name from a longer name and from another object\'s attribute of the same name', () => {
    const src = 'def f(x):\n    xs = source()\n    self.x = source()\n    sink(x)\n';
    expect(one(src).source).toBeNull();
    expect(one('def f(x):\n    x_ = 1\n    x = source()\n    sink(x)\n').source).toBe('source()');
  });
});

describe('FileFlow.traces: sanitizers asked only of traces that reach a source', () => {
  const asked = (source: string) => {
    const root = parsePython(source).rootNode;
    const flow = flowOf(root);
    const barrierQuestions: string[] = [];
    const sink = root.descendantsOfType('call').find((c) => c.childForFieldName('function')?.text === 'sink')!;
    const question = {
      isSource: (node: SyntaxNode) => node.type === 'identifier' && node.text === 'password',
      isBarrier: (node: SyntaxNode) => {
        barrierQuestions.push(node.text);
        return node.type === 'call' && node.childForFieldName('function')?.text === 'mask';
      },
    };
    const paths = flow.traces(sink.childForFieldName('arguments')!, question, new Set(), 4);
    return { sources: paths.map((p) => p.source.text), barrierQuestions };
  };

  it('never asks the sanitizer question when no source is reachable, even through a sanitizer', () => {
    const none = asked('def f(user):\n    msg = "%s" % str(user)\n    sink(msg)\n');
    expect(none).toEqual({ sources: [], barrierQuestions: [] });
  });

  it('asks it, and honours it, when a source is reachable past the sanitizer', () => {
    const masked = asked('def mask(v):\n    return v\n\ndef f(password):\n    msg = "%s" % mask(password)\n    sink(msg)\n');
    expect(masked.sources).toEqual([]);
    expect(masked.barrierQuestions).toContain('mask(password)');
    const open = asked('def mask(v):\n    return v\n\ndef f(password, user):\n    msg = "%s %s" % (mask(user), password)\n    sink(msg)\n');
    expect(open.sources).toEqual(['password']);
  });
});

describe('FileFlow.trace: a helper entered from a call', () => {
  const helper = 'def build(user, secret):\n    return "%s/%s" % (user, secret)\n\n';

  it('takes a parameter given a constant at that call as carrying nothing, though its name is a source', () => {
    expect(one(`${helper}def f():\n    sink(build(conf.user, "*****"))\n`).source).toBeNull();
    expect(one(`${helper}def f():\n    sink(build(conf.user, secret=None))\n`).source).toBeNull();
  });

  it('keeps it a source when the call gives a value, or nothing it can tell', () => {
    expect(one(`${helper}def f():\n    sink(build(conf.user, conf.password))\n`)).toMatchObject({ source: 'secret' });
    expect(one(`${helper}def f(args):\n    sink(build(*args))\n`)).toMatchObject({ source: 'secret' });
    expect(one(`def build(user, secret="***"):\n    return "%s/%s" % (user, secret)\n\ndef f():\n    sink(build(conf.user))\n`)).toMatchObject({ source: 'secret' });
  });

  it('reads the parameter as a source when the trace starts inside the helper', () => {
    expect(one('def build(user, secret):\n    sink("%s/%s" % (user, secret))\n')).toMatchObject({ source: 'secret' });
  });
});

describe('FileFlow.trace: a % template of named placeholders reads only its keys', () => {
  it('gives the mapping of a constant %(key)s template only the entries it names', () => {
    const dict = "def f(host):\n    info = {'host': host, 'password': p}\n    sink('%(host)s' % info)\n";
    expect(one(dict).source).toBeNull();
    const named = "def f(host):\n    info = {'host': host, 'password': p}\n    sink(_('%(host)s as %(password)s') % info)\n";
    expect(one(named)).toMatchObject({ source: "'password': p" });
    // A positional placeholder prints the mapping whole.
    const whole = "def f(host):\n    info = {'host': host, 'password': p}\n    sink('%s' % info)\n";
    expect(one(whole)).toMatchObject({ source: "'password': p" });
    // A name holding the secret whole is still one, whatever key is read (it is no field-read source here).
    expect(one("def f(secret):\n    sink('%(user)s' % secret)\n")).toMatchObject({ source: 'secret' });
  });

  it('follows the entries named through update(), d[k] = v and a list read at a position', () => {
    const src = [
      'class C:',
      '    def __init__(self, hosts):',
      '        params_list = []',
      '        for host in hosts:',
      "            params = {'hostname': host, 'password': p}",
      '            params_list.append(params)',
      '        self.params_list = params_list',
      '    def reconnect(self, attempt, err):',
      '        params = self.params_list[attempt % len(self.params_list)]',
      '        log_info = {}',
      "        log_info['err'] = str(err)",
      '        log_info.update(params)',
      "        sink('%(hostname)s: %(err)s' % log_info)",
      "        sink('%(hostname)s: %(password)s' % log_info)",
      "        sink('%(hostname)s' % self.params_list[0])",
      "        sink('%(hostname)s' % self.params_list[i])",
      '',
    ].join('\n');
    const results = traceSinks(src);
    expect(results.map((r) => r.source)).toEqual([null, "'password': p", null, "'password': p"]);
  });
});

describe('FileFlow.trace: a read several keys deep', () => {
  const nested = 'def f(pw, u):\n    d = {"a": {"creds": {"password": pw}, "user": u}, "b": 1}\n';

  it('reads a nested dict literal at each key in turn', () => {
    const src = (read: string) => `${nested}    sink(d${read})\n`;
    expect(one(src('["a"]["user"]')).source).toBeNull();
    expect(one(src('["a"]["creds"]'))).toMatchObject({ source: '"password": pw' });
    expect(one(src('["a"]'))).toMatchObject({ source: '"password": pw' });
    expect(one(src('["b"]')).source).toBeNull();
  });

  it('reads .get() chains and mixed reads the same way', () => {
    const src = (read: string) => `${nested}    sink(d${read})\n`;
    expect(one(src('.get("a").get("user")')).source).toBeNull();
    expect(one(src('.get("a", {}).get("creds")'))).toMatchObject({ source: '"password": pw' });
    expect(one(src('["a"].get("user")')).source).toBeNull();
    expect(one(src('.get("a")["creds"]'))).toMatchObject({ source: '"password": pw' });
    expect(one(src('.setdefault("a", {}).pop("user")')).source).toBeNull();
  });

  it('reads an entry written by d["a"] = inner at the keys after "a"', () => {
    const src = (read: string) => `def f(pw, u):\n    inner = {"password": pw, "x": u}\n    d = {}\n    d["a"] = inner\n    sink(d${read})\n`;
    expect(one(src('["a"].get("x")')).source).toBeNull();
    expect(one(src('["a"]'))).toMatchObject({ source: '"password": pw', steps: ['inner@2', 'd@4'] });
    expect(one(src('')).source).not.toBeNull();
  });

  it('reads through names and attributes at each level', () => {
    const viaName = (key: string) => `${nested}    x = d["a"]\n    sink(x["${key}"])\n`;
    expect(one(viaName('user')).source).toBeNull();
    expect(one(viaName('creds'))).toMatchObject({ source: '"password": pw' });
    const viaAttr = (key: string) => `def f(o, pw, u):\n    o.a = {"creds": {"password": pw}, "user": u}\n    sink(o.a["${key}"])\n`;
    expect(one(viaAttr('user')).source).toBeNull();
    expect(one(viaAttr('creds'))).toMatchObject({ source: '"password": pw' });
  });

  it('does not take a StarlingX saved payload\'s password for another of its keys read through a helper', () => {
    const src = (key: string) =>
      'import base64\n\n' +
      'def prepare(bootstrap_values, pw):\n' +
      '    bootstrap_values_dict = load(bootstrap_values)\n' +
      '    bootstrap_values_dict["password"] = base64.b64encode(pw).decode("utf-8")\n' +
      '    rehome_data_dict = {}\n' +
      '    rehome_data_dict["saved_payload"] = bootstrap_values_dict\n' +
      `    gateway = rehome_data_dict["saved_payload"].get("${key}")\n` +
      '    return rehome_data_dict, gateway\n\n' +
      'def go(v, pw):\n' +
      '    rehome_data, gateway_ip = prepare(v, pw)\n' +
      '    sink(f"gateway {gateway_ip.split(\',\')[0]}")\n';
    expect(one(src('systemcontroller_gateway_address')).source).toBeNull();
    expect(one(src('password'))).toMatchObject({ source: 'bootstrap_values_dict["password"]' });
  });

  it('still carries the whole of a nested read made a string (str(), format)', () => {
    const src = (expr: string) => `${nested}    sink(${expr})\n`;
    expect(one(src('str(d["a"]["creds"])'))).toMatchObject({ source: '"password": pw' });
    expect(one(src('str(d["a"]["user"])')).source).toBeNull();
    expect(one(src('str(d["a"])["user"]'))).toMatchObject({ source: '"password": pw' });
    expect(one(src('"{}".format(d["a"]).get("user")'))).toMatchObject({ source: '"password": pw' });
    expect(one(`${nested}    s = ", ".join(d.get("a"))\n    sink(s)\n`)).toMatchObject({ source: '"password": pw' });
  });

  it('keeps only the first key where it was carried one level off (a mapping\'s values, k=v)', () => {
    const values = 'def f(pw, u):\n    d = {"outer": {"a": {"creds": {"password": pw}, "user": u}}}\n    for v in d["outer"].values():\n        sink(v["creds"])\n';
    expect(one(values)).toMatchObject({ source: '"password": pw' });
    const kwargs = 'def g(**kw):\n    return kw["a"]["user"]\n\ndef f(secret):\n    c = {"a": {"user": secret}}\n    sink(g(a=c["a"]))\n';
    expect(one(kwargs)).toMatchObject({ source: 'secret' });
  });

  it('reads at most four keys deep, the outer ones', () => {
    // Five keys: read at the first four, d.a.b.c.d counts whole.
    expect(one('def f(pw, u):\n    d = {"a": {"b": {"c": {"d": {"password": pw}, "e": u}}}}\n    sink(d["a"]["b"]["c"]["d"]["e"])\n')).toMatchObject({ source: '"password": pw' });
    expect(one('def f(pw, u):\n    d = {"a": {"b": {"c": {"d": {"password": pw}}, "e": u}}}\n    sink(d["a"]["b"]["e"]["d"]["x"])\n').source).toBeNull();
  });

  it('reads through a redacted entry what was written over it, and takes redacted paths below the read out', () => {
    const src = (redact: string, read: string) => `def f(pw, u):\n    d = {"a": {"creds": {"password": pw, "user": u}}}\n    ${redact}\n    sink(d${read})\n`;
    expect(one(src('d["a"]["creds"] = "***"', '["a"]["creds"]')).source).toBeNull();
    expect(one(src('del d["a"]["creds"]["password"]', '["a"]["creds"]')).source).toBeNull();
    expect(one(src('d["a"]["creds"] = "secret:x"', '["a"]["creds"]["user"]'))).toMatchObject({ source: '"secret:x"' });
    expect(one(src('del d["a"]["other"]', '["a"]["creds"]'))).toMatchObject({ source: '"password": pw' });
  });
});

describe('FileFlow.trace: the key of a copied items() list', () => {
  it('gives the key of list(d.items()) and sorted(d.items()) nothing of the values', () => {
    const src = (wrap: string) => `def f(secret):\n    settings = {'OS_PASSWORD': secret}\n    for key, value in ${wrap}:\n        if value is None:\n            sink(key)\n`;
    expect(one(src('list(settings.items())')).source).toBeNull();
    expect(one(src('sorted(settings.items())')).source).toBeNull();
    expect(one(src('settings.items()')).source).toBeNull();
    const values = "def f(secret):\n    settings = {'OS_PASSWORD': secret}\n    for key, value in list(settings.items()):\n        sink(value)\n";
    expect(one(values)).toMatchObject({ source: 'secret' });
  });
});
