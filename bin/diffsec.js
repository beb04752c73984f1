#!/usr/bin/env node
// The CLI entry: the compiled TypeScript lives in dist/ (built by `npm ci` through the prepare
// script). dist/cli.js is the CLI's modules in one file (scripts/bundle-cli.mjs), which starts
// faster; `npm run build` writes it after tsc, so when the modules are newer (a bare tsc since),
// they run instead of a stale bundle.
import { statSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
const modules = new URL('../dist/src/cli/main.js', import.meta.url);
const mtime = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const fresh = (mtime(bundle) ?? -Infinity) >= (mtime(modules) ?? -Infinity);
const { main } = await import(fresh ? bundle.href : modules.href);

process.exitCode = await main(process.argv.slice(2));
