import { Writable } from 'node:stream';
import { runDemo } from '../../src/demo/run-demo.js';

describe('diffsec demo', () => {
  it('reviews the bundled pull request end to end through signed webhooks, then resolves the thread a second push fixes', async () => {
    let printed = '';
    const out = new Writable({ write: (chunk, _enc, done) => ((printed += String(chunk)), done()) });
    expect(await runDemo([], out)).toBe(0);
    const [first = '', second = ''] = printed.split(/\nPush 2 \(/);
    expect(first).toContain('▶ inventory/export.py:18 (RIGHT)');
    expect(first).toContain('**DS101 Subprocess runs its command through a shell**');
    expect(first).toContain('▶ inventory/export.py:16 (RIGHT)');
    expect(first).toContain('```suggestion');
    expect(first).toMatch(/check run "diffsec" #\d+: completed, conclusion failure/);
    expect(first).toContain('1 suppressed, 1 outside the diff');
    // The old shell=True line outside the change is counted, never commented on.
    expect(first).not.toContain('export.py:12 (RIGHT)');
    // <details> is shown collapsed, as GitHub shows it: its summary line, not its text.
    expect(first).toContain('    ▸ Why it matters and how to fix it\n');
    expect(first).not.toContain('Why it matters and how to fix it\n\n    With `shell=True`');
    expect(first).not.toMatch(/<\/?details>|<summary>/);
    // Every finding is an inline comment, so none is annotated too; each links its rule's docs.
    expect(first).toContain('Annotations on the diff: none (every finding has an inline comment)');
    expect(first).toContain('[DS101 in the rule docs](https://github.com/diffsec/diffsec/blob/main/docs/rules.md#ds101-subprocess-shell-true)');

    expect(second).toContain('(no review: nothing new to comment on)');
    expect(second).toContain('> 1 earlier diffsec comment thread resolved: its finding is gone in 9d8e7f6.');
    expect(second).toContain('✔ resolved  inventory/export.py:18  **DS101 Subprocess runs its command through a shell**');
    expect(second).toContain('    ↳ diffsec[bot]: Fixed in 9d8e7f6.');
    expect(second.match(/○ open/g)).toHaveLength(4);
  });
});
