// The Probot entry (`probot run ./dist/src/index.js`): wiring only.
import { diffsecApp } from './github/app.js';

export default diffsecApp();
