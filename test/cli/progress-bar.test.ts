import { progressBar } from '../../src/cli/progress-bar.js';

describe('progressBar', () => {
  const stream = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } };
  };

  it('draws on a terminal for many files, then erases itself', () => {
    const { writes, stream: s } = stream(true);
    const bar = progressBar(s);
    for (let i = 1; i <= 100; i++) bar.update(i, 100);
    bar.finish();
    expect(writes[0]).toBe(`\r[${'-'.repeat(30)}] 1/100 files`);
    expect(writes).toContain(`\r[${'#'.repeat(15)}${'-'.repeat(15)}] 50/100 files`);
    expect(writes.at(-2)).toBe(`\r[${'#'.repeat(30)}] 100/100 files`);
    expect(writes.at(-1)).toBe('\r\x1b[K');
    expect(writes.length).toBeLessThan(50);
  });

  it('stays silent off a terminal or for a few files', () => {
    const pipe = stream(false);
    const bar = progressBar(pipe.stream);
    for (let i = 1; i <= 100; i++) bar.update(i, 100);
    bar.finish();
    expect(pipe.writes).toEqual([]);
    const tty = stream(true);
    const small = progressBar(tty.stream);
    for (let i = 1; i <= 10; i++) small.update(i, 10);
    small.finish();
    expect(tty.writes).toEqual([]);
  });
});
