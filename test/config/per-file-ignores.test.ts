import { parseConfig } from '../../src/config/parse-config.js';
import { bundledRulesDir } from '../../src/package-root.js';
import { runReview, type ReviewSource } from '../../src/review.js';
import { loadRules } from '../../src/rules/load-rules.js';

const rules = loadRules(bundledRulesDir()).filter((r) => r.id === 'DS101' || r.id === 'DS102');
const SOURCE = 'import os, subprocess\nsubprocess.call(cmd, shell=True)\nos.system(cmd)\n';

/** The app's source shape: files with content, as GitHub's API gives them (in memory here). */
function memorySource(files: Record<string, string>): ReviewSource {
  return {
    listFiles: async () => Object.keys(files).map((path) => ({ path, status: 'added' as const, diff: null })),
    async *readFiles(paths) {
      for (const path of paths) yield { path, bytes: Buffer.from(files[path]!) };
    },
  };
}

describe('per_file_ignores in the shared review (the path the app, scan and diff all take)', () => {
  it('drops the listed rules in matching files only; every matching entry adds its rules', async () => {
    const config = parseConfig({ per_file_ignores: { 'tests/**': ['DS101'], 'test_*.py': ['DS102'] } });
    const result = await runReview(memorySource({ 'src/a.py': SOURCE, 'tests/test_a.py': SOURCE, 'tests/helper.py': SOURCE }), { config, rules });
    expect(result.findings.map((f) => `${f.path}:${f.ruleId}`)).toEqual(['src/a.py:DS101', 'src/a.py:DS102', 'tests/helper.py:DS102']);
  });
});
