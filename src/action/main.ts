// The GitHub Action's process entry (action.yml runs it with node after `npm ci` built dist/). It
// runs dist/action.js, the Action's modules in one file (scripts/bundle-cli.mjs), which `npm run
// build` writes after tsc; when the modules are newer (a bare tsc since) or it is missing, they
// run instead, as bin/diffsec.js decides for the CLI.
import { statSync } from 'node:fs';
import type { runAction as RunAction } from './run-action.js';

const bundle = new URL('../../action.js', import.meta.url);
const modules = new URL('./run-action.js', import.meta.url);
const mtime = (url: URL) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const built = mtime(bundle);
const fresh = built !== undefined && built >= (mtime(modules) ?? -Infinity);
const { runAction } = (await import(fresh ? bundle.href : modules.href)) as { runAction: typeof RunAction };

process.exitCode = await runAction(process.env);
