import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(process.cwd(), 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => (m[1] ?? m[2])!);
}

const CORE = ['diff', 'analysis', 'rules', 'findings', 'report', 'config'];

describe('module boundaries', () => {
  const files = tsFiles(SRC).map((f) => ({ file: relative(SRC, f), imports: importsOf(f) }));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('keeps the core free of GitHub, Probot and the entry layers', () => {
    const offending = files
      .filter((f) => CORE.includes(f.file.split('/')[0]!))
      .flatMap((f) => f.imports.filter((i) => /probot|octokit|\/github\/|\/cli\/|\/demo\//.test(i)).map((i) => `${f.file} imports ${i}`));
    expect(offending).toEqual([]);
  });

  it('keeps src/github free of tree-sitter and the analysis internals', () => {
    const offending = files
      .filter((f) => f.file.startsWith('github/'))
      .flatMap((f) => f.imports.filter((i) => /tree-sitter|\/analysis\//.test(i)).map((i) => `${f.file} imports ${i}`));
    expect(offending).toEqual([]);
  });

  it('keeps diff/ free of every other module of ours', () => {
    const offending = files
      .filter((f) => f.file.startsWith('diff/'))
      .flatMap((f) => f.imports.filter((i) => i.startsWith('..')).map((i) => `${f.file} imports ${i}`));
    expect(offending).toEqual([]);
  });
});
