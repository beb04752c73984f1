// The GitHub Action's process entry (action.yml runs it with node after `npm ci` built dist/). It
// runs dist/action.js, the Action's modules in one file (scripts/bundle-cli.mjs), which `npm run
// build` writes after tsc; when the modules are newer (a bare tsc since) or it is missing, they
// run instead, as bin/diffsec.js decides for the CLI.
import { builtEntry } from '../built-entry.js';
import type { runAction as RunAction } from './run-action.js';

const entry = builtEntry(new URL('../../action.js', import.meta.url), new URL('./run-action.js', import.meta.url));
const { runAction } = (await import(entry.href)) as { runAction: typeof RunAction };

process.exitCode = await runAction(process.env);
