import type { Random } from './random.js';

/**
 * Payloads that would be live markup if a renderer let them through. Each carries the marker
 * `zqx`, so a check can tell them from the renderer's own markup.
 */
export const MARKUP_PAYLOADS = [
  '<zqx-tag>',
  '</details><zqx-tag>',
  '@zqx',
  '[zqx](https://zqx.invalid)',
  '\n# zqx heading\n',
  '\n\n## zqx heading',
  '`<zqx-tag>`',
  '``x` <zqx-tag>',
  '<!-- zqx',
  '![zqx](https://zqx.invalid/i.png)',
] as const;

const FRAGMENTS = [
  '', ' ', '\t', '\n', '\r', '\r\n', '\u0000', '\u001b[2J', '\u001b]8;;https://zqx.invalid\u0007', '\u0085', '\u2028', '\u2029', '\u200b', '\u202e', '\ufeff', '\ufffd',
  '|', '||', '\\|', '\\', '`', '```', '~~~', '*', '_', '**bold**', '#', '# ', '>', '- ', '1. ', '---', '===',
  '<', '>', '&', '&amp;', '&#64;', '"', "'", '%', '%s', '%2F', '{', '}', '{callee}', '$', '$(id)', ';', '../', '/', '//', './', '~',
  '<script>', '</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '<details>', '</details>', '<!--', '-->', '<!-- diffsec:fp=DS101:0123456789abcdef -->',
  '@org/team', '#1', 'GH-1', 'https://zqx.invalid', 'é', 'caf\u0065\u0301', '日本語', '😀', '👩‍👩‍👧', 'a'.repeat(300),
] as const;

/** A hostile string: fragments and markup payloads, sometimes very long or of random code points. */
export function hostileString(random: Random, maxParts = 12): string {
  const r = random.float();
  if (r < 0.1) return random.unicode(random.size(0, 200));
  if (r < 0.15) return random.pick(FRAGMENTS).repeat(random.size(1, 20_000)) || 'x';
  const n = random.int(1, maxParts);
  return random.repeat(n, () => (random.chance(0.3) ? random.pick(MARKUP_PAYLOADS) : random.pick(FRAGMENTS)));
}

/**
 * A hostile file path: segments of hostile strings joined by `/`, deep or long at times, never
 * empty. Git allows any byte but NUL and `/` in a name; NULs are kept out (no git path has one).
 */
export function hostilePath(random: Random, ext = '.py'): string {
  const depth = random.chance(0.1) ? random.size(1, 200) : random.int(1, 4);
  const segments: string[] = [];
  for (let i = 0; i < depth; i++) {
    let segment = hostileString(random, 4).replace(/[\u0000/]/g, '_');
    if (segment === '' || segment === '.' || segment === '..') segment = `s${i}`;
    segments.push(segment);
  }
  return segments.join('/') + ext;
}
