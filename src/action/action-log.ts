import type { Logger } from 'probot';

/**
 * A Logger for a workflow step: one line per entry on `out`, with the entry's fields as JSON;
 * errors and warnings as GitHub Actions workflow commands (`::error::`), so they show on the run.
 * The review's log fields are counts, shas and names, never file contents or the token.
 */
export function actionLog(out: { write(text: string): unknown }): Logger {
  const line = (prefix: string) => (fieldsOrMessage: unknown, message?: string) => {
    const [fields, text] = typeof fieldsOrMessage === 'string' ? [undefined, fieldsOrMessage] : [fieldsOrMessage, message ?? ''];
    const detail = fields === undefined ? '' : ` ${JSON.stringify(fields)}`;
    out.write(`${prefix}${escapeCommand(`${text}${detail}`)}\n`);
  };
  const log = {
    trace: () => undefined,
    debug: () => undefined,
    info: line(''),
    warn: line('::warning::'),
    error: line('::error::'),
    fatal: line('::error::'),
    child: () => log,
  };
  return log as unknown as Logger;
}

/** Workflow commands end at a newline: escape it (and `%`, `\r`) as the runner expects. */
function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
