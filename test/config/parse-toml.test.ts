import { parseToml, TomlError } from '../../src/config/parse-toml.js';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parseToml', () => {
  it('reads a pyproject.toml as projects write it', () => {
    const doc = parseToml(`# a project
[build-system]
requires = ["setuptools>=61", 'wheel']  # comment
build-backend = "setuptools.build_meta"

[project]
name = "demo"
version = "1.0"
description = """
A "multi-line" \\
    description."""
dependencies = [
  "requests>=2",   # trailing comma next
  "click",
]
authors = [{ name = "A. Person", email = "a@example.com" }]
readme.file = 'README.md'
released = 1979-05-27T07:32:00Z

[[tool.poetry.source]]
name = "one"
[[tool.poetry.source]]
name = "two"

[tool.diffsec]
include = ['src/**/*.py']
max_comments = 1_000
fail_on = { severity = "high", confidence = "medium" }
skip_generated = false
ratio = 0.5e1

[tool.diffsec.per_file_ignores]
"tests/**" = ["DS705", "DS204"]
'literal\\path' = []
`);
    expect(plain(doc)).toEqual({
      'build-system': { requires: ['setuptools>=61', 'wheel'], 'build-backend': 'setuptools.build_meta' },
      project: {
        name: 'demo',
        version: '1.0',
        description: 'A "multi-line" description.',
        dependencies: ['requests>=2', 'click'],
        authors: [{ name: 'A. Person', email: 'a@example.com' }],
        readme: { file: 'README.md' },
        released: '1979-05-27T07:32:00Z',
      },
      tool: {
        poetry: { source: [{ name: 'one' }, { name: 'two' }] },
        diffsec: {
          include: ['src/**/*.py'],
          max_comments: 1000,
          fail_on: { severity: 'high', confidence: 'medium' },
          skip_generated: false,
          ratio: 5,
          per_file_ignores: { 'tests/**': ['DS705', 'DS204'], 'literal\\path': [] },
        },
      },
    });
  });

  it('reads escapes, hex and literal multi-line strings', () => {
    expect(plain(parseToml(`a = "tab\\there \\u00e9 \\"q\\""\nb = 0x1F\nc = '''\nraw \\n "x"'''\nd = -3\ne = true\n`))).toEqual({ a: 'tab\there é "q"', b: 31, c: 'raw \\n "x"', d: -3, e: true });
  });

  it('gives tables no prototype, so __proto__ is an ordinary key', () => {
    const doc = parseToml('[tool.diffsec]\n__proto__ = { polluted = true }\n');
    expect(Object.getPrototypeOf(doc.tool)).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys((doc.tool as Record<string, Record<string, unknown>>).diffsec!)).toEqual(['__proto__']);
  });

  it.each([
    ['a = "open\n', 'line 1: a string is never closed'],
    ['a = 1\na = 2\n', 'line 2: key a is defined twice'],
    ['[t]\n[t]\n', 'line 2: table [t] is defined twice'],
    ['a = nope\n', "line 1: 'nope' is not a TOML value"],
    ['a = [1, 2\n', 'line 2: expected , or ] in an array'],
    ['a = 1 b = 2\n', 'line 1: expected the end of the line'],
    ['a = "\\q"\n', 'line 1: \\q is not a string escape'],
  ])('refuses %j naming the line', (text, message) => {
    expect(() => parseToml(text)).toThrow(new TomlError(0, '').constructor as typeof TomlError);
    expect(() => parseToml(text)).toThrow(message);
  });
});
