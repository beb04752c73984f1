/** Fills `{name}` (and filtered `{name|argv}`) placeholders; a value missing from `values` is left as written. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([\w.-]+(?:\|\w+)?)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Captured code as a message shows it: one line, at most `max` characters. */
export function shortCode(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
