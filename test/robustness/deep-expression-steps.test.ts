import { parsePython } from '../../src/analysis/python-parser.js';
import { scanSource } from '../../src/analysis/scan-source.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { compileRules } from '../../src/rules/compile-rules.js';
import { loadRules } from '../../src/rules/load-rules.js';

// tree-sitter finds a node's parent by descending from the root, so a predicate that walks up
// from each finding costs d² per finding at depth d: one expression of a few thousand sinks
// (`eval(a)+eval(a)+…`) took minutes. Walks up are counted here, not timed: doubling the sinks
// may double the steps (a few per finding), never quadruple them.

const compiled = compileRules(loadRules(bundledRulesDir()).map((rule) => ({ ...rule, enabled: true })));

/** Counts reads of `node.parent` while `run` runs. */
function countParentSteps<T>(run: () => T): { result: T; steps: number } {
  let proto: object | null = Object.getPrototypeOf(parsePython('x = 1\n').rootNode);
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'parent')) proto = Object.getPrototypeOf(proto);
  const original = Object.getOwnPropertyDescriptor(proto!, 'parent')!;
  let steps = 0;
  Object.defineProperty(proto!, 'parent', {
    configurable: true,
    get(this: unknown) {
      steps++;
      return original.get!.call(this);
    },
  });
  try {
    return { result: run(), steps };
  } finally {
    Object.defineProperty(proto!, 'parent', original);
  }
}

function scanChain(sink: string, count: number) {
  const source = `import os, subprocess, yaml, hashlib\ndef f(a, password, cursor):\n    x = (${`${sink}+`.repeat(count - 1)}${sink}\n    )\n    return x\n`;
  return countParentSteps(() => scanSource('a.py', source, compiled));
}

describe('one expression of many sinks', () => {
  it.each([
    ['eval(a)', 'DS104'],
    ['os.system(a)', 'DS102'],
    ['cursor.execute("SELECT %s" % a)', 'DS103'],
    ['LOG.info("%s", password)', 'DS201'],
    ['yaml.load(a)', 'DS106'],
    ['hashlib.md5(a)', 'DS601'],
  ])('%s: every sink reported, and the walks up grow with the sinks, not with their square', (sink, ruleId) => {
    const small = scanChain(sink, 150);
    const large = scanChain(sink, 300);
    expect(small.result.findings.filter((f) => f.ruleId === ruleId)).toHaveLength(150);
    expect(large.result.findings.filter((f) => f.ruleId === ruleId)).toHaveLength(300);
    expect(large.result.incomplete).toBeUndefined();
    // Before: 3.7–3.9 times the steps for twice the sinks (eval: 13,438 → 49,363).
    expect(large.steps).toBeLessThanOrEqual(2.5 * small.steps + 50);
  });
});

describe('one expression of many calls to a name the file binds itself', () => {
  it('eval(a) with a module-level def eval: none reported, and the walks up still grow with the calls', () => {
    const chain = (count: number) => {
      const source = `def eval(x):\n    return x\ndef f(a):\n    x = (${'eval(a)+'.repeat(count - 1)}eval(a)\n    )\n    return x\n`;
      return countParentSteps(() => scanSource('a.py', source, compiled));
    };
    const small = chain(150);
    const large = chain(300);
    expect(small.result.findings.filter((f) => f.ruleId === 'DS104')).toHaveLength(0);
    expect(large.result.findings.filter((f) => f.ruleId === 'DS104')).toHaveLength(0);
    expect(large.steps).toBeLessThanOrEqual(2.5 * small.steps + 50);
  });
});

describe('one expression of many commands bound just before', () => {
  it('os.system(cmd) after `cmd = "ls"`, cmd bound again below: none reported, and the walks up grow with the calls', () => {
    const chain = (count: number) => {
      const source = `import os\ndef f(a):\n    cmd = "ls"\n    x = (${'os.system(cmd)+'.repeat(count - 1)}os.system(cmd)\n    )\n    cmd = a\n    return x\n`;
      return countParentSteps(() => scanSource('a.py', source, compiled));
    };
    const small = chain(150);
    const large = chain(300);
    expect(small.result.findings.filter((f) => f.ruleId === 'DS102')).toHaveLength(0);
    expect(large.result.findings.filter((f) => f.ruleId === 'DS102')).toHaveLength(0);
    expect(large.steps).toBeLessThanOrEqual(2.5 * small.steps + 50);
  });
});
