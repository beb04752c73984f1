#!/usr/bin/env node
// The CLI entry: the compiled TypeScript lives in dist/ (built by `npm ci` through the prepare
// script); dist/cli.js is the CLI's modules in one file (scripts/bundle-cli.mjs), which starts faster.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
