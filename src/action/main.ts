// The GitHub Action's process entry (action.yml runs it with node after `npm ci` built dist/).
import { runAction } from './run-action.js';

process.exitCode = await runAction(process.env);
