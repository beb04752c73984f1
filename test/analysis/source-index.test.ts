import { ImportMap } from '../../src/analysis/import-map.js';
import { SourceIndex } from '../../src/analysis/source-index.js';
import { Vocabulary } from '../../src/analysis/vocabulary.js';
import type { TextCondition } from '../../src/rules/text-condition.js';
import { parsePython } from '../../src/analysis/python-parser.js';

function occurrences(source: string, condition: TextCondition, vocabulary: string[] = []): string[] {
  const imports = new ImportMap();
  for (const node of parsePython(source).rootNode.namedChildren) if (node.type.startsWith('import')) imports.add(node);
  const index = new SourceIndex(source, new Vocabulary(vocabulary));
  return index.occurrences(condition, imports).map((offset) => `${offset}:${source.slice(offset, offset + 8).split('\n')[0]}`);
}

describe('SourceIndex', () => {
  it('finds whole names, in the vocabulary or not, allowing a number right before a keyword', () => {
    const source = 'x = 1if y else 2\nif_ = iff\nélif = 3\nif\n';
    const condition: TextCondition = { kind: 'literals', literals: ['if'], token: true };
    expect(occurrences(source, condition, ['if'])).toEqual(['5:if y els', '36:if']);
    expect(occurrences(source, condition)).toEqual(['5:if y els', '36:if']);
  });

  it('finds other literals anywhere, ascending', () => {
    const source = 'a = "x == y" != z\n';
    expect(occurrences(source, { kind: 'literals', literals: ['!=', '=='], token: false })).toEqual(['7:== y" !=', '13:!= z']);
  });

  it('finds literals at the start or end of a name as their edges say', () => {
    const source = 'WSGIServer(x)\nServerGroup(y)\nhost_addr = ghost\n';
    const condition: TextCondition = { kind: 'literals', literals: ['Server', 'host'], token: false, edges: ['end', 'start'] };
    expect(occurrences(source, condition)).toEqual(['4:Server(x', '29:host_add']);
  });

  it('finds dotted names with spaces, line continuations and comments, and through import aliases', () => {
    const source = 'import subprocess as sp\nfrom os import system as run\nos . system(a)\n(os  # c\n .system)(b)\nrun(c)\nsp.call(d)\nxos.system(e)\nos.systemd(f)\n';
    // `run` in its own import counts too (a superset is sound); `xos.system` and `os.systemd` do not.
    expect(occurrences(source, { kind: 'names', names: ['os.system'] }, ['os', 'system'])).toEqual(['49:run', '53:os . sys', '69:os  # c', '90:run(c)']);
    expect(occurrences(source, { kind: 'names', names: ['subprocess.call'] }, ['subprocess', 'call'])).toEqual(['97:sp.call(']);
  });

  it('finds a word after a digit inside another word of the vocabulary, as a search for it alone does', () => {
    const source = 'x = b64decode(y)\n';
    const condition: TextCondition = { kind: 'literals', literals: ['decode'], token: true };
    expect(occurrences(source, condition, ['b64decode', 'decode'])).toEqual(['7:decode(y']);
    expect(occurrences(source, condition)).toEqual(['7:decode(y']);
    expect(occurrences('a2os.system(x)\n', { kind: 'names', names: ['os.system'] }, ['a2os', 'os', 'system'])).toEqual(['2:os.syste']);
  });

  it('finds prefix patterns', () => {
    const source = 'import os\nos.execvp(a)\nos.exe(b)\n';
    expect(occurrences(source, { kind: 'names', names: ['os.exec*'] }, ['os'])).toEqual(['10:os.execv']);
  });

  it('finds every start of a regex, overlapping ones included', () => {
    const source = 'api_key = session_key\n';
    const condition: TextCondition = { kind: 'regex', source: '(?:api|session)[^a-z]*key', flags: 'i' };
    expect(occurrences(source, condition)).toEqual(['0:api_key ', '10:session_']);
    const overlapping: TextCondition = { kind: 'regex', source: 'a[^b]*b', flags: '' };
    expect(occurrences('aaab', overlapping).length).toBe(3);
  });

  it('searches a literal holding another of its condition only through the inner one, and equal literals at equal edges once', () => {
    const source = 'x._redact(a)\nredact(b)\nxmlrpc.client\n';
    const condition: TextCondition = { kind: 'literals', literals: ['_redact', 'redact', 'xmlrpc.client', 'xmlrpc', 'redact'], token: false };
    // `_redact` at 2 is found as `redact` at 3, inside the same name: its anchor holds every match holding `_redact`.
    expect(occurrences(source, condition)).toEqual(['3:redact(a', '13:redact(b', '23:xmlrpc.c']);
    // At different edges, equal literals are different conditions on the text: both are searched.
    const edged: TextCondition = { kind: 'literals', literals: ['redact', 'redact'], token: false, edges: ['both', 'none'] };
    expect(occurrences('unredact(a)\n', edged)).toEqual(['2:redact(a']);
  });

  it('finds a regex met after a wider one (its alternatives and more) at the wider one\'s starts, as alone', () => {
    const source = 'api_key = admin_pass or db.token\nsession-KEY\n';
    const narrow: TextCondition = { kind: 'regex', source: 'token|(?:api|session)[^a-z]*key', flags: 'i' };
    const wide: TextCondition = { kind: 'regex', source: 'token|(?:api|session)[^a-z]*key|admin[^a-z]*pass', flags: 'i' };
    const alone = occurrences(source, narrow);
    expect(alone).toEqual(['0:api_key ', '27:token', '33:session-']);
    expect(occurrences(source, wide)).toEqual(['0:api_key ', '10:admin_pa', '27:token', '33:session-']);
    // The wide one is known now: the narrow one is tried at its starts, and finds what it finds alone.
    expect(occurrences(source, { ...narrow })).toEqual(alone);
    expect(occurrences('tokens|x', { kind: 'regex', source: 'tokens|x', flags: 'i' }).length).toBe(2);
  });
});
