/** A TOML error: the line and what is wrong. */
export class TomlError extends Error {
  constructor(
    readonly line: number,
    problem: string,
  ) {
    super(`line ${line}: ${problem}`);
    this.name = 'TomlError';
  }
}

type Table = Record<string, unknown>;

/**
 * Parses TOML 1.0 as pyproject.toml uses it, for reading `[tool.diffsec]` and `[tool.bandit]`:
 * tables, arrays of tables, dotted and quoted keys, basic and literal strings (multi-line too,
 * with escapes), integers, floats, booleans, arrays and inline tables. Dates and times are kept
 * as their text. Tables are null-prototype objects, so no key reaches Object.prototype. Throws
 * TomlError naming the line on anything else, so a file it cannot read is never half-read.
 */
export function parseToml(text: string): Table {
  return new TomlReader(text).document();
}

const BARE_KEY = /[A-Za-z0-9_-]/;

class TomlReader {
  private i = 0;
  private readonly root: Table = Object.create(null) as Table;
  /** Tables defined by a header or a dotted key, so a second `[a]` is refused. */
  private readonly defined = new Set<Table>();

  constructor(private readonly s: string) {}

  document(): Table {
    let current = this.root;
    for (;;) {
      this.skipBlankLines();
      if (this.i >= this.s.length) return this.root;
      if (this.s[this.i] === '[') {
        const array = this.s[this.i + 1] === '[';
        this.i += array ? 2 : 1;
        this.spaces();
        const path = this.key();
        this.spaces();
        if (!this.s.startsWith(array ? ']]' : ']', this.i)) this.fail(`expected ${array ? ']]' : ']'} after a table name`);
        this.i += array ? 2 : 1;
        current = array ? this.arrayTable(path) : this.table(path);
      } else {
        const path = this.key();
        this.spaces();
        if (this.s[this.i] !== '=') this.fail('expected = after a key');
        this.i++;
        this.spaces();
        this.assign(current, path, this.value());
      }
      this.endOfLine();
    }
  }

  private table(path: string[]): Table {
    let t = this.root;
    for (const [n, k] of path.entries()) {
      const next = t[k];
      if (next === undefined) t = t[k] = Object.create(null) as Table;
      else if (Array.isArray(next) && n < path.length - 1) t = next[next.length - 1] as Table;
      else if (isTable(next)) t = next;
      else this.fail(`${path.join('.')} is already a value`);
    }
    if (this.defined.has(t)) this.fail(`table [${path.join('.')}] is defined twice`);
    this.defined.add(t);
    return t;
  }

  private arrayTable(path: string[]): Table {
    const parent = this.table(path.slice(0, -1));
    this.defined.delete(parent);
    const k = path[path.length - 1]!;
    const list = (parent[k] ??= []) as unknown;
    if (!Array.isArray(list)) this.fail(`${path.join('.')} is not an array of tables`);
    const t = Object.create(null) as Table;
    (list as unknown[]).push(t);
    return t;
  }

  private assign(into: Table, path: string[], value: unknown): void {
    let t = into;
    for (const k of path.slice(0, -1)) {
      const next = t[k];
      if (next === undefined) t = t[k] = Object.create(null) as Table;
      else if (isTable(next)) t = next;
      else this.fail(`${path.join('.')}: ${k} is already a value`);
    }
    const last = path[path.length - 1]!;
    if (last in t) this.fail(`key ${path.join('.')} is defined twice`);
    t[last] = value;
  }

  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.spaces();
      const c = this.s[this.i];
      if (c === '"') parts.push(this.basicString());
      else if (c === "'") parts.push(this.literalString());
      else {
        const start = this.i;
        while (this.i < this.s.length && BARE_KEY.test(this.s[this.i]!)) this.i++;
        if (this.i === start) this.fail('expected a key');
        parts.push(this.s.slice(start, this.i));
      }
      this.spaces();
      if (this.s[this.i] !== '.') return parts;
      this.i++;
    }
  }

  private value(): unknown {
    const c = this.s[this.i];
    if (c === '"') return this.s.startsWith('"""', this.i) ? this.multiBasic() : this.basicString();
    if (c === "'") return this.s.startsWith("'''", this.i) ? this.multiLiteral() : this.literalString();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const rest = /^[^\s,\]}#]+(?: [0-9:.+Z-]+)?/.exec(this.s.slice(this.i, this.i + 200))?.[0] ?? '';
    const word = /^\d{4}-\d{2}-\d{2}[ T]\d/.test(rest) ? rest : rest.split(' ')[0]!;
    this.i += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (/^[+-]?(?:0|[1-9](?:_?\d)*)$/.test(word)) return Number(word.replace(/_/g, ''));
    if (/^0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*$|^0o[0-7](?:_?[0-7])*$|^0b[01](?:_?[01])*$/.test(word)) return Number(word.replace(/_/g, ''));
    if (/^[+-]?(?:inf|nan)$/.test(word)) return word.endsWith('nan') ? NaN : word.startsWith('-') ? -Infinity : Infinity;
    if (/^[+-]?(?:0|[1-9](?:_?\d)*)(?:\.\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?$/.test(word)) return Number(word.replace(/_/g, ''));
    if (/^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}:\d{2}/.test(word)) return word;
    return this.fail(word ? `'${word}' is not a TOML value` : 'expected a value');
  }

  private array(): unknown[] {
    this.i++;
    const out: unknown[] = [];
    for (;;) {
      this.skipBlankLines();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.skipBlankLines();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') this.fail('expected , or ] in an array');
    }
  }

  private inlineTable(): Table {
    this.i++;
    const t = Object.create(null) as Table;
    this.spaces();
    if (this.s[this.i] === '}') {
      this.i++;
      return t;
    }
    for (;;) {
      const path = this.key();
      if (this.s[this.i] !== '=') this.fail('expected = in an inline table');
      this.i++;
      this.spaces();
      this.assign(t, path, this.value());
      this.spaces();
      if (this.s[this.i] === '}') {
        this.i++;
        return t;
      }
      if (this.s[this.i] !== ',') this.fail('expected , or } in an inline table');
      this.i++;
    }
  }

  private basicString(): string {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i];
      if (c === undefined || c === '\n') this.fail('a string is never closed');
      this.i++;
      if (c === '"') return out;
      out += c === '\\' ? this.escape() : c;
    }
  }

  private multiBasic(): string {
    this.i += 3;
    if (this.s[this.i] === '\n') this.i++;
    else if (this.s.startsWith('\r\n', this.i)) this.i += 2;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('a """ string is never closed');
      if (this.s.startsWith('"""', this.i)) {
        // Up to two quotes may end the content right before the closing three.
        let extra = 0;
        while (extra < 2 && this.s[this.i + 3 + extra] === '"') extra++;
        out += '"'.repeat(extra);
        this.i += 3 + extra;
        return out;
      }
      const c = this.s[this.i++]!;
      if (c !== '\\') out += c;
      else if (/^[ \t]*\r?\n/.test(this.s.slice(this.i, this.i + 100))) {
        // A line-ending backslash trims the break and the white space after it.
        while (/[\s]/.test(this.s[this.i] ?? '')) this.i++;
      } else out += this.escape();
    }
  }

  private literalString(): string {
    const end = this.s.indexOf("'", this.i + 1);
    const nl = this.s.indexOf('\n', this.i + 1);
    if (end < 0 || (nl >= 0 && nl < end)) this.fail('a string is never closed');
    const out = this.s.slice(this.i + 1, end);
    this.i = end + 1;
    return out;
  }

  private multiLiteral(): string {
    this.i += 3;
    if (this.s[this.i] === '\n') this.i++;
    else if (this.s.startsWith('\r\n', this.i)) this.i += 2;
    const end = this.s.indexOf("'''", this.i);
    if (end < 0) this.fail("a ''' string is never closed");
    let close = end;
    while (close - end < 2 && this.s[close + 3] === "'") close++;
    const out = this.s.slice(this.i, close);
    this.i = close + 3;
    return out;
  }

  private escape(): string {
    const c = this.s[this.i++];
    const simple: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };
    if (c !== undefined && simple[c] !== undefined) return simple[c]!;
    const width = c === 'u' ? 4 : c === 'U' ? 8 : c === 'x' ? 2 : 0;
    const hex = this.s.slice(this.i, this.i + width);
    if (!width || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width) this.fail(`\\${c ?? ''} is not a string escape`);
    this.i += width;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) this.fail(`\\${c}${hex} is not a Unicode scalar value`);
    return String.fromCodePoint(code);
  }

  private spaces(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  /** White space, comments and line breaks. */
  private skipBlankLines(): void {
    for (;;) {
      this.spaces();
      const c = this.s[this.i];
      if (c === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else if (c === '\n' || c === '\r') this.i++;
      else return;
    }
  }

  private endOfLine(): void {
    this.spaces();
    if (this.s[this.i] === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    if (this.s[this.i] === '\r') this.i++;
    if (this.i < this.s.length && this.s[this.i] !== '\n') this.fail('expected the end of the line');
    this.i++;
  }

  private fail(problem: string): never {
    throw new TomlError(this.s.slice(0, this.i).split('\n').length, problem);
  }
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
