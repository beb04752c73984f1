import { livePayload } from './markdown-liveness.js';

// The battery's markdown check must itself tell live payloads from quoted ones.
describe('livePayload', () => {
  it.each([
    ['<zqx-tag>', 'live HTML'],
    ['``x` <zqx-tag>', 'live HTML'],
    ['a\n# zqx', 'live heading'],
    ['| a\r# zqx |', 'live heading'],
    ['hi @zqx', 'live mention'],
    ['[zqx](https://x)', 'live link'],
    ['see www.zqx.invalid now', 'live link'],
    ['see https://zqx.invalid now', 'live link'],
    ['write to me@zqx.invalid', 'live e-mail link'],
    ['<!-- diffsec:fp=DS1:ab --> <!-- diffsec:fp=DS1:cd -->', 'forged fingerprint marker'],
  ])('finds %j live', (text, what) => {
    expect(livePayload(text)).toContain(what);
  });

  it.each(['`<zqx-tag>`', '``x` <zqx-tag>``', '```\n# zqx\n<zqx-tag>\n```', '`@zqx`', '\\<zqx-tag>', '\\[zqx\\](x)', 'mail a@zqx', 'the file zqx.py', 'www.\u200bzqx.invalid', 'me@\u200bzqx.invalid', '<!-- diffsec:fp=DS1:ab -->\n`<!-- diffsec:fp=DS1:cd -->`'])(
    'finds %j inert',
    (text) => {
      expect(livePayload(text)).toBeNull();
    },
  );
});
