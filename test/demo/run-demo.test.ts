import { Writable } from 'node:stream';
import { runDemo } from '../../src/demo/run-demo.js';

describe('diffsec demo', () => {
  it('reviews the bundled pull request end to end through a signed webhook', async () => {
    let printed = '';
    const out = new Writable({ write: (chunk, _enc, done) => ((printed += String(chunk)), done()) });
    expect(await runDemo([], out)).toBe(0);
    expect(printed).toContain('▶ inventory/export.py:18 (RIGHT)');
    expect(printed).toContain('**DS101 Subprocess runs its command through a shell**');
    expect(printed).toContain('▶ inventory/export.py:16 (RIGHT)');
    expect(printed).toContain('```suggestion');
    expect(printed).toMatch(/check run "diffsec" #\d+: completed, conclusion failure/);
    expect(printed).toContain('1 suppressed, 1 outside the diff');
    // The old shell=True line outside the change is counted, never commented on.
    expect(printed).not.toContain('export.py:12 (RIGHT)');
  });
});
