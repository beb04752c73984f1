import { codeSpan, escapeMarkdown } from '../report/markdown-escape.js';

/** Fills `{name}` (and filtered `{name|argv}`) placeholders with raw values (a fix's replacement code); a value missing from `values` is left as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([\w.-]+(?:\|\w+)?)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * Fills a rule's message template so the result is inert markdown whatever the values hold: each
 * backtick-quoted stretch of the template becomes one code span fenced longer than any backtick
 * run of the filled code (`` `{callee}({code})` `` stays one span), and a placeholder outside
 * backticks is escaped as text. The template's own prose is trusted (it is the rule's).
 */
export function fillMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? codeSpan(fillTemplate(part.slice(1, -1), values)) : part.replace(/\{([\w.-]+)\}/g, (whole, name: string) => (name in values ? escapeMarkdown(values[name]!) : whole))))
    .join('');
}

/** Captured code as a message shows it: one line, at most `max` characters. */
export function shortCode(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
