import type { Context } from 'probot';
import { parseConfig } from '../config/parse-config.js';

/**
 * Reads `.github/diffsec.yml` as Probot's context.config does (the repository's file, else the
 * owner's `.github` repository's, then each `_extends`; merged deep, base first, lists joined),
 * but validates each file as written first: Probot's merge silently drops `__proto__` and
 * `constructor` keys, so a file holding them passed although unknown keys must fail. Returns the
 * merged document for parseConfig, or null when there is no file.
 */
export async function loadRepoConfig(context: Pick<Context, 'octokit'> & { repo: () => { owner: string; repo: string } }): Promise<unknown> {
  const { files } = await context.octokit.config.get({ ...context.repo(), path: '.github/diffsec.yml' });
  const docs = files.map((f) => f.config).filter((c) => c !== null);
  for (const doc of docs) parseConfig(doc);
  let merged: unknown = null;
  for (const doc of docs.reverse()) merged = merged === null ? doc : merge(merged, doc);
  return merged;
}

/** deepmerge's rules, as Probot uses them: mappings merged key by key, lists joined, else the later wins. */
function merge(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return [...(base as unknown[]), ...(over as unknown[])];
  if (!isMapping(base) || !isMapping(over)) return over;
  // Own keys only, into a null-prototype map: no key, however named, can reach a prototype.
  const out = Object.assign(Object.create(null) as Record<string, unknown>, base);
  for (const [key, value] of Object.entries(over)) out[key] = Object.hasOwn(out, key) ? merge(out[key], value) : value;
  return out;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
