import { hostilePath, hostileString } from './hostile-strings.js';
import type { Random } from './random.js';

/** One valid Python 3.12 snippet per syntax form, each a whole top-level block ending in a newline, with no `os.system` call. */
export const PY312_FORMS: readonly string[] = [
  'match command.split():\n    case [action]:\n        pass\n    case [action, obj] if obj:\n        pass\n    case Point(x=0, y=0) | {"k": [1, *rest]}:\n        pass\n    case str() as s:\n        pass\n    case _:\n        pass\n',
  'match = 1\ncase = match + 1\ntype = case\n',
  'if (n := len(data)) > 10:\n    print(n)\n',
  'values = [y for x in data if (y := f(x)) is not None]\n',
  'name = f"{user!r:>{width}} {f\'{nested:{fmt}}\'} {x=}"\n',
  'msg = f"{\'a\' + f"{b + f\'{c}\'}"}"\n',
  'text = f"""multi\n{value}\nline {{escaped}}"""\n',
  'raw = rb"\\x00" + Rb\'\\n\' + br"""a\\nb"""\n',
  'def first[T](items: list[T]) -> T:\n    return items[0]\n',
  'class Box[T: (int, str), *Ts, **P]:\n    def get(self) -> T: ...\n',
  'type Alias = list[int] | None\ntype Pair[K, V] = tuple[K, V]\n',
  'async def main():\n    result = [x async for x in aiter() if await check(x)]\n    async with lock as held, other():\n        pass\n    async for item in stream:\n        await item\n    return {k: v async for k, v in pairs()}\n',
  '@decorator\n@other.attr(arg, key=value)\n@(lambda f: f)\ndef decorated(a, /, b, *, c=1, **kw):\n    pass\n',
  'first, *middle, last = items\nprint(*args, **kwargs)\nmerged = {**a, **b}\ncombined = [*a, *b]\n',
  'try:\n    risky()\nexcept* ValueError as group:\n    handle(group)\nexcept* (TypeError, KeyError):\n    pass\n',
  'try:\n    pass\nexcept Exception as e:\n    raise RuntimeError("x") from e\nelse:\n    pass\nfinally:\n    cleanup()\n',
  'square = lambda x, *a, y=2, **k: (x, a, y, k)\n',
  'counter = 0\ndef bump():\n    global counter\n    counter += 1\n    def inner():\n        nonlocal_value = 1\n        def deepest():\n            nonlocal nonlocal_value\n            nonlocal_value += 1\n        return deepest\n    return inner\n',
  'with (open("a") as a, open("b") as b):\n    pass\n',
  'x = 1 if y else 2\nz = not a and b or c\nw = a @ b\nv = a ** -b // c % d << 1 >> 2 & 3 | 4 ^ 5\nv @= m\nq = ~x\n',
  'assert isinstance(x, int), "message"\ndel x[0], y.z\n',
  'for i in range(10):\n    if i:\n        continue\n    else:\n        break\nelse:\n    pass\nwhile False:\n    pass\n',
  'class Meta(type):\n    def __new__(mcs, name, bases, ns, **kw):\n        return super().__new__(mcs, name, bases, ns)\n\nclass C(Base, metaclass=Meta):\n    x: int = 0\n    y: "str"\n',
  'def gen():\n    yield 1\n    yield from other()\n    received = yield\n    return received\n',
  'numbers = 1_000_000 + 0x_ff + 0o17 + 0b1010 + 1e-10 + 3.14j + 1_0.0_1\n',
  's = "\\N{BULLET} \\u00e9 \\U0001F600 \\x41 \\101"\nb = b"\\xff"\nu = u"unicode"\n',
  'from . import sibling\nfrom ..parent import (a as b,\n    c)\nimport package.module as alias\nfrom __future__ import annotations\n',
  'print(f"{x:{"nested"}}")\n',
  'data = [\n    1,\n    2,\n]\nd = {\n    "k": (1,\n          2),\n}\nbackslash = 1 + \\\n    2\n',
  'if x:\n    pass\nelif y:\n    pass\nelse:\n    pass\n',
  'result = (yield_ := 5)\nprint(result, yield_)\n',
  'class E:\n    """Docstring with \'quotes\' and """ + """ more."""\n    __slots__ = ("a",)\n',
  '...\npass\n',
  'x: list[int] = []\ny: dict[str, "Forward"]\n',
  'def f(*, a): ...\ndef g(a, b=1, /): ...\n',
  '# comment only\n# nosec B605\n# diffsec: ignore[DS102] reason\n',
];

/** Python 2 forms: none parses cleanly as Python 3. */
export const PY2_FORMS: readonly string[] = [
  'print "hello", name\n',
  'print >>sys.stderr, "error"\n',
  'try:\n    pass\nexcept ValueError, e:\n    pass\n',
  'x = `repr_me`\n',
  'exec "code" in ns\n',
  'raise ValueError, "message"\n',
  'n = 0777L + 10L\n',
  'if a <> b:\n    pass\n',
  'def f((a, b), c):\n    pass\n',
  'u = ur"raw unicode"\n',
  'print\n',
  'import os\nos.system(cmd)\nprint "done"\n',
];

/** Engine cases: a file's bytes (and its path), and what must happen to it. */
export interface SourceCase {
  path: string;
  bytes: Uint8Array;
  /** `analysed`: must be scanned; `skipped`: must be listed with a reason matching `reason`; `either`: one or the other. */
  fate: 'analysed' | 'skipped' | 'either';
  reason?: RegExp;
  /** Reasons this file must not be skipped for (e.g. "binary" for UTF-16 text). */
  notReason?: RegExp;
  /** Lines of planted `os.system(...)` calls that DS102 must report. */
  planted: number[];
  /** Valid Python 3.12: tree-sitter must parse it without errors. */
  clean?: boolean;
  /** When set, the same program with `\n` line endings: findings must land on the same lines. */
  lfTwin?: string;
}

export const ENGINE_KINDS = [
  'random-bytes',
  'truncated-utf8',
  'invalid-utf8',
  'bom-utf8',
  'bom-utf16le',
  'bom-utf16be',
  'bom-utf32le',
  'bom-utf32be',
  'nul-bytes',
  'huge-line',
  'deep-nesting',
  'many-findings',
  'py312-syntax',
  'py2-syntax',
  'line-endings',
  'tabs-and-mixes',
  'hostile-strings-in-code',
  'hostile-file-name',
  'token-soup',
] as const;

export const ENGINE_HAZARDS = [
  'hazard-many-findings-plus',
  'hazard-many-findings-statements',
  'hazard-flagged-opens',
  'hazard-ds203-backtracking',
  'hazard-large-file',
  'hazard-deep-brackets',
  'hazard-long-string',
  'hazard-hash-banner',
] as const;

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A program of random 3.12 forms with `os.system` calls planted between them; returns the text and the planted lines. */
function program(random: Random, forms: readonly string[], blocks: number): { text: string; planted: number[] } {
  let text = 'import os\n';
  const planted: number[] = [];
  for (let i = 0; i < blocks; i++) {
    if (random.chance(0.4)) {
      planted.push(text.split('\n').length);
      text += `os.system(command_${i})\n`;
    }
    text += random.pick(forms);
  }
  return { text, planted };
}

function encodeUtf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

function encodeUtf32(text: string, littleEndian: boolean): Uint8Array {
  const points = [0xfeff, ...[...text].map((c) => c.codePointAt(0)!)];
  const out = new Uint8Array(points.length * 4);
  const view = new DataView(out.buffer);
  points.forEach((p, i) => view.setUint32(i * 4, p, littleEndian));
  return out;
}

/** Generates one engine case of `kind`. */
export function generateSource(kind: string, random: Random): SourceCase {
  const path = `pkg/m${random.int(0, 999)}.py`;
  const valid = () => program(random, PY312_FORMS, random.int(1, 12));
  switch (kind) {
    case 'random-bytes':
      return { path, bytes: random.bytes(random.size(1, 50_000)), fate: 'either', planted: [] };
    case 'truncated-utf8': {
      const bytes = utf8(valid().text + `s = "${random.unicode(random.int(1, 50)).replace(/\u0000/g, '')}é日😀`);
      // Cut inside the last multi-byte character.
      let cut = bytes.length - 1;
      while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
      return { path, bytes: bytes.subarray(0, cut + random.int(1, Math.max(1, bytes.length - cut - 1))), fate: 'skipped', reason: /UTF-8/, planted: [] };
    }
    case 'invalid-utf8': {
      const bytes = Array.from(utf8(valid().text));
      const bad = [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82]];
      for (let i = random.int(1, 3); i > 0; i--) bytes.splice(random.int(0, bytes.length), 0, ...random.pick(bad));
      return { path, bytes: Uint8Array.from(bytes), fate: 'skipped', reason: /UTF-8/, planted: [] };
    }
    case 'bom-utf8': {
      const { text, planted } = valid();
      return { path, bytes: utf8('\ufeff' + text), fate: 'analysed', planted };
    }
    case 'bom-utf16le':
    case 'bom-utf16be':
    case 'bom-utf32le':
    case 'bom-utf32be': {
      const { text } = valid();
      const le = kind.endsWith('le');
      const bytes = kind.includes('16') ? encodeUtf16(text, le) : encodeUtf32(text, le);
      return { path, bytes, fate: 'either', notReason: /binary/i, planted: [] };
    }
    case 'nul-bytes': {
      const { text } = valid();
      const at = random.int(0, Math.min(8000, text.length));
      return { path, bytes: utf8(text.slice(0, at) + '\u0000'.repeat(random.int(1, 3)) + text.slice(at)), fate: 'skipped', reason: /binary|NUL/i, planted: [] };
    }
    case 'huge-line': {
      const n = random.size(1_000, 400_000);
      const body = random.pick([
        () => `x = "${'a'.repeat(n)}"`,
        () => `x = ${random.repeat(Math.ceil(n / 4), (i) => `a${i % 10}`, '+')}`,
        () => `# ${'#'.repeat(n)}`,
        () => `x = [${'1, '.repeat(Math.ceil(n / 3))}]`,
        () => `x = f"${'{a}'.repeat(Math.ceil(n / 3))}"`,
      ])();
      return { path, bytes: utf8(`import os\n${body}\nos.system(cmd)\n`), fate: 'analysed', planted: [3] };
    }
    case 'deep-nesting': {
      const n = random.size(10, 20_000);
      const open = random.pick(['(', '[', '{', 'f(', 'a.b(', 'not ', '-', 'lambda: ']);
      const close = { '(': ')', '[': ']', '{': '}', 'f(': ')', 'a.b(': ')', 'not ': '', '-': '', 'lambda: ': '' }[open]!;
      const shape = random.int(0, 2);
      let text: string;
      if (shape === 0) text = `x = ${open.repeat(n)}1${close.repeat(n)}\n`;
      else if (shape === 1) text = random.repeat(Math.min(n, 500), (i) => `${'    '.repeat(i)}if x${i}:\n`) + `${'    '.repeat(Math.min(n, 500))}pass\n`;
      else text = `x = ${open.repeat(n)}1\n`; // unclosed
      return { path, bytes: utf8(`import os\nos.system(cmd)\n${text}`), fate: 'analysed', planted: shape === 2 ? [] : [2] };
    }
    case 'many-findings': {
      const n = random.int(1, 300);
      const call = random.pick(['os.system(a)', 'os.system(cmd)', 'os.popen(x)', 'eval(x)', 'pickle.loads(b)', 'yaml.load(s)']);
      const sep = random.pick(['+', ', ', '; ', ' and ', ' if x else ']);
      const line = sep === '; ' ? random.repeat(n, () => call, sep) : `x = (${random.repeat(n, () => call, sep)})`;
      return { path, bytes: utf8(`import os, pickle, yaml\n${line}\n`), fate: 'analysed', planted: [] };
    }
    case 'py312-syntax': {
      const { text, planted } = program(random, PY312_FORMS, random.int(1, 30));
      return { path, bytes: utf8(text), fate: 'analysed', planted, clean: true };
    }
    case 'py2-syntax': {
      const { text } = program(random, [...PY2_FORMS, ...PY312_FORMS.slice(0, 5)], random.int(1, 20));
      return { path, bytes: utf8(text), fate: 'analysed', planted: [] };
    }
    case 'line-endings': {
      const { text, planted } = valid();
      const endings = random.pick([['\r\n'], ['\r'], ['\r\n', '\n'], ['\r', '\n'], ['\r', '\r\n', '\n']]);
      // A `\r` ending right before an empty line's `\n` would read as one `\r\n`: a different program.
      let previous = -2;
      let previousEnding = '';
      const mixed = text.replace(/\n/g, (_nl, at: number) => {
        const choices = previousEnding === '\r' && at === previous + 1 ? endings.filter((e) => e !== '\n') : endings;
        previousEnding = random.pick(choices.length ? choices : ['\r\n']);
        previous = at;
        return previousEnding;
      });
      return { path, bytes: utf8(mixed), fate: 'analysed', planted, lfTwin: text };
    }
    case 'tabs-and-mixes': {
      const { text } = valid();
      const mixed = text.replace(/^( {4})+/gm, (m) => random.pick([m, '\t'.repeat(m.length / 4), `\t${m.slice(4)}`, ` \t${m}`])).replace(/\n/g, () => random.pick(['\n', '\r\n', '\r', '\f\n', '\v\n', '\\\n']));
      return { path, bytes: utf8(mixed), fate: 'analysed', planted: [] };
    }
    case 'hostile-strings-in-code': {
      const lines = ['import os, logging, requests'];
      for (let i = random.int(1, 20); i > 0; i--) {
        const s = JSON.stringify(hostileString(random));
        lines.push(random.pick([
          `x = ${s}`,
          `url = "${random.pick(['a', 'http', 'mysql+pymysql'])}://${'b'.repeat(random.size(0, 2000))}${':c'.repeat(random.size(0, 2000))}"`,
          `url = "https://user:${random.pick(['pw', 's3cret', '{}', '%s', '***'])}@${'h'.repeat(random.size(1, 500))}/x"`,
          `os.system(${s})`,
          `logging.info(${s}, password)`,
          `requests.get(${s}, verify=False)`,
          `# ${hostileString(random).replace(/[\u0000\r\n\u0085\u2028\u2029\f\v]/g, ' ')}`,
          `os.system(cmd)  # nosec ${hostileString(random).replace(/[\u0000\r\n\u0085\u2028\u2029\f\v]/g, ' ')}`,
          `os.system(cmd)  # diffsec: ignore[DS102] ${hostileString(random).replace(/[\u0000\r\n\u0085\u2028\u2029\f\v]/g, ' ')}`,
          `x = """${hostileString(random).replace(/"""|\\|\u0000/g, '')}"""`,
        ]));
      }
      return { path, bytes: utf8(lines.join('\n') + '\n'), fate: 'analysed', planted: [] };
    }
    case 'hostile-file-name': {
      const { text, planted } = valid();
      return { path: hostilePath(random), bytes: utf8(text), fate: 'analysed', planted };
    }
    case 'token-soup': {
      const tokens = ['os.system(', ')', '(', '[', ']', '{', '}', ':', '\n', '\n    ', 'def ', 'class ', 'lambda', 'if ', 'else', '"', "'", '"""', 'f"{', '}"', '#', '\\', ',', '=', ':=', '*', '**', '@', 'async ', 'await ', 'match ', 'case ', 'type ', 'x', '1', ' ', '\t', '\r', 'import os', 'except*', 'yield', 'return'];
      return { path, bytes: utf8(random.repeat(random.size(1, 5_000), () => random.pick(tokens))), fate: 'analysed', planted: [] };
    }
    case 'hazard-many-findings-plus':
      // Issue 14: 20,000 calls took 18 s; 6,000 (80 KB) take seconds of CPU while the cost is superlinear.
      return { path, bytes: utf8(`import os\nx = ${'os.system(a)+'.repeat(5999)}os.system(a)\n`), fate: 'analysed', planted: [] };
    case 'hazard-many-findings-statements':
      return { path, bytes: utf8(`import os\n${'os.system(a); '.repeat(10_000)}\n`), fate: 'analysed', planted: [] };
    case 'hazard-flagged-opens': {
      // Each open beside a flag once read the whole function for that flag: 3,000 took 12 s.
      const body = '    f = open(p)\n    close_f = True\n'.repeat(3000);
      return { path, bytes: utf8(`def write(p):\n${body}    if close_f:\n        f.close()\n`), fate: 'analysed', planted: [] };
    }
    case 'hazard-ds203-backtracking':
      // Issue 14: 360 KB took 40 s; 240 KB takes seconds while the regex backtracks.
      return { path, bytes: utf8(`x = "a://${'b'.repeat(80_000)}${':c'.repeat(80_000)}"\n`), fate: 'analysed', planted: [] };
    case 'hazard-large-file': {
      let text = 'import os\n';
      while (text.length < 950_000) text += random.pick(PY312_FORMS);
      return { path, bytes: utf8(text + 'os.system(cmd)\n'), fate: 'analysed', planted: [text.split('\n').length] };
    }
    case 'hazard-deep-brackets':
      return { path, bytes: utf8(`import os\nos.system(cmd)\nx = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), fate: 'analysed', planted: [2] };
    case 'hazard-long-string':
      return { path, bytes: utf8(`import os\nos.system(cmd)\nx = "${'a'.repeat(990_000)}"\n`), fate: 'analysed', planted: [2] };
    case 'hazard-hash-banner':
      // A banner comment between an import and a call: 26 `#` take seconds while the dotted-name regex backtracks.
      return { path, bytes: utf8(`import os\n# ${'#'.repeat(25)}\nos.system(cmd)\n`), fate: 'analysed', planted: [3] };
    default:
      throw new Error(`no engine generator for kind ${kind}`);
  }
}
