/** What the action was given: the workflow's environment and the step's inputs, as the runner sets them. */
export interface ActionInputs {
  token: string;
  /** `owner/name` of the repository the workflow runs in. */
  repository: string;
  eventName: string;
  eventPath: string;
  apiUrl: string;
  /** The web root, for links: `https://github.com` or a GHE host. */
  serverUrl: string;
  /** The login the token posts as: `github-actions[bot]` for the workflow token. */
  botLogin: string;
  /** Exit 1 when the check concludes `failure` (`fail-job: false` leaves the gate to the check). */
  failJob: boolean;
}

/** A missing or malformed input or variable; the message says which. */
export class ActionInputError extends Error {}

/**
 * Reads an input as the runner passes it, `INPUT_<NAME>` upper-cased with its dashes kept; a
 * composite action passes them through `env:`, where `_` for `-` is accepted too. Trimmed; '' when unset.
 */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  const upper = name.toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

/** The action's inputs from `env`; throws ActionInputError naming what is missing. */
export function actionInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const required = (value: string | undefined, what: string): string => {
    if (!value) throw new ActionInputError(`${what} is not set: run diffsec's action as a step of a GitHub Actions job`);
    return value;
  };
  const failJob = input(env, 'fail-job') || 'true';
  if (failJob !== 'true' && failJob !== 'false') throw new ActionInputError(`input fail-job must be true or false (got '${failJob}')`);
  return {
    token: required(input(env, 'github-token') || env.GITHUB_TOKEN, 'input github-token (or GITHUB_TOKEN)'),
    repository: required(env.GITHUB_REPOSITORY, 'GITHUB_REPOSITORY'),
    eventName: required(env.GITHUB_EVENT_NAME, 'GITHUB_EVENT_NAME'),
    eventPath: required(env.GITHUB_EVENT_PATH, 'GITHUB_EVENT_PATH'),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    botLogin: input(env, 'bot-login') || 'github-actions[bot]',
    failJob: failJob === 'true',
  };
}
