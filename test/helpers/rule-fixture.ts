import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { scanSource } from '../../src/analysis/scan-source.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import type { Rule } from '../../src/rules/rule.js';

/**
 * A rule's fixtures: `<id>-<name>.py` beside its YAML, and any `<id>-<name>.<label>.py` for code
 * that must sit in a file of its own (a condition on the whole file, such as what it imports).
 */
export function fixturesOf(rule: Rule): { main: string; extras: string[] } {
  const main = rule.file.replace(/\.yaml$/, '.py');
  const stem = basename(rule.file, '.yaml');
  const extras = readdirSync(dirname(rule.file))
    .filter((name) => name.startsWith(`${stem}.`) && name.endsWith('.py') && name !== `${stem}.py`)
    .sort()
    .map((name) => join(dirname(rule.file), name));
  return { main, extras };
}

/** Annotations of one fixture: `# expect: DS101` lines must be flagged, `# ok: DS101` lines must stay clean. */
export interface FixtureAnnotations {
  expect: Map<string, Set<number>>;
  ok: Map<string, Set<number>>;
}

/** Reads `# expect: ID[, ID]` and `# ok: ID[, ID] why` annotations by line. */
export function readAnnotations(source: string): FixtureAnnotations {
  const expect = new Map<string, Set<number>>();
  const ok = new Map<string, Set<number>>();
  source.split('\n').forEach((text, index) => {
    for (const [, kind, ids] of text.matchAll(/#\s*(expect|ok):\s*((?:DS\d{3}[\s,]*)+)/g)) {
      const target = kind === 'expect' ? expect : ok;
      for (const id of ids!.match(/DS\d{3}/g)!) {
        if (!target.has(id)) target.set(id, new Set());
        target.get(id)!.add(index + 1);
      }
    }
  });
  return { expect, ok };
}

/** The result of running one rule alone on its fixture, in the vocabulary of the rule test. */
export interface FixtureVerdict {
  reported: number[];
  clean: number[];
  missing: string[];
  noisy: string[];
}

/** Runs `rule` alone on `fixturePath` and compares the lines it flags (unsuppressed) with the annotations, both ways. */
export function verifyRuleFixture(rule: Rule, fixturePath: string): FixtureVerdict {
  const source = readFileSync(fixturePath, 'utf8');
  const lines = source.split('\n');
  const { expect, ok } = readAnnotations(source);
  const scan = scanSource(fixturePath, source, compileRules([rule]));
  const found = new Set(scan.findings.filter((f) => !f.suppressed).map((f) => f.line));
  const expected = expect.get(rule.id) ?? new Set<number>();
  const clean = ok.get(rule.id) ?? new Set<number>();
  const show = (line: number) => `${fixturePath}:${line}: ${lines[line - 1]?.trim()}`;
  return {
    reported: [...expected].filter((l) => found.has(l)),
    clean: [...clean].filter((l) => !found.has(l)),
    missing: [...expected].filter((l) => !found.has(l)).map(show),
    noisy: [...found].filter((l) => !expected.has(l)).map(show),
  };
}
