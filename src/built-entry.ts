import { statSync } from 'node:fs';

/**
 * Which build of an entry to run: the one-file bundle `npm run build` writes after tsc
 * (scripts/bundle-cli.mjs), unless it is missing or the modules are newer (a bare tsc since the
 * build), so that a stale bundle never runs. bin/diffsec.js, plain JavaScript, decides the same
 * for the CLI.
 */
export function builtEntry(bundle: URL, modules: URL): URL {
  const mtime = (url: URL) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
  const built = mtime(bundle);
  return built !== undefined && built >= (mtime(modules) ?? -Infinity) ? bundle : modules;
}
