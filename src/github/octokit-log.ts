import type { Logger } from 'probot';

/** The four methods Octokit logs through. */
export interface OctokitLog {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/**
 * Octokit's log for one review: every line goes to `log` (which names the delivery, repository,
 * PR and head), but Probot's request logging loses the request bodies it attaches at debug level
 * (a review's comments quote the reviewed code; a check's annotations name it): only
 * "GitHub request: METHOD url - status" is kept.
 */
export function octokitLog(log: Logger): OctokitLog {
  return {
    debug: (fields: unknown, message?: unknown) => {
      if (typeof message === 'string' && message.startsWith('GitHub request:')) log.debug(message);
      else if (typeof fields === 'string') log.debug(fields);
      else log.debug(fields as object, message as string);
    },
    info: (fields: unknown, message?: unknown) => (typeof fields === 'string' ? log.info(fields) : log.info(fields as object, message as string)),
    warn: (fields: unknown, message?: unknown) => (typeof fields === 'string' ? log.warn(fields) : log.warn(fields as object, message as string)),
    error: (fields: unknown, message?: unknown) => (typeof fields === 'string' ? log.error(fields) : log.error(fields as object, message as string)),
  };
}
