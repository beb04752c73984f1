import { reviewAndReport } from '../../src/cli/review-and-report.js';
import type { CliIo } from '../../src/cli/cli-io.js';
import { DEFAULT_CONFIG, type DiffsecConfig } from '../../src/config/config.js';
import type { ReviewSource } from '../../src/review.js';
import type { Rule } from '../../src/rules/rule.js';
import { makeRule } from '../helpers/make-rule.js';

/** One file, read from memory, in scope as a whole. */
const oneFile: ReviewSource = {
  listFiles: async () => [{ path: 'ok.py', status: 'added', diff: null }],
  async *readFiles() {
    yield { path: 'ok.py', bytes: Buffer.from('import os\nos.system(cmd)\n') };
  },
};

function io(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => ((out += s), true), isTTY: false }, stderr: { write: (s: string) => ((err += s), true), isTTY: false }, env: {}, cwd: process.cwd(), out: () => out, err: () => err } as never;
}

async function run(config: Partial<DiffsecConfig>, rules: Rule[]) {
  const streams = io();
  const code = await reviewAndReport(oneFile, { config: { ...structuredClone(DEFAULT_CONFIG), ...config }, rules, format: 'json', color: false }, streams);
  return { code, stderr: streams.err(), skipped: JSON.parse(streams.out()).skipped };
}

describe('the CLI exit code when a file could not be analysed', () => {
  // A query that does not compile crashes the engine on the file: the analysis is incomplete.
  const crashing: Rule = { ...makeRule(), query: '(no_such_node_type) @finding' };

  it('is 1 by default (on_incomplete: failure), naming the file and why on stderr', async () => {
    const { code, stderr, skipped } = await run({}, [crashing]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^diffsec: ok\.py was not fully analysed: analysis failed: /);
    expect(skipped).toEqual([{ path: 'ok.py', reason: expect.stringMatching(/^analysis failed: /), incomplete: true }]);
  });

  it('is 0 with on_incomplete: neutral, still saying so', async () => {
    const { code, stderr } = await run({ onIncomplete: 'neutral' }, [crashing]);
    expect(code).toBe(0);
    expect(stderr).toContain('ok.py was not fully analysed');
  });

  it('is 0 when every file was analysed and nothing reaches fail_on', async () => {
    expect(await run({}, [])).toEqual({ code: 0, stderr: '', skipped: [] });
  });
});
