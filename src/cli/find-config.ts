import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DEFAULT_CONFIG, type DiffsecConfig } from '../config/config.js';
import { ConfigError, parseConfig } from '../config/parse-config.js';
import { parseToml } from '../config/parse-toml.js';
import { parseYaml } from '../parse-yaml.js';
import type { Rule } from '../rules/rule.js';
import { UsageError } from './usage-error.js';

/** The settings a command runs with, where they came from, and notes for stderr. */
export interface FoundConfig {
  config: DiffsecConfig;
  /** The file read (as given, or relative to the root), or null for the defaults. */
  source: string | null;
  notes: string[];
}

/**
 * The CLI's config, found as the app finds it: `--config FILE` when given (YAML, or a
 * pyproject.toml's `[tool.diffsec]`); else `.github/diffsec.yml` at `root` (the repository's top
 * folder), the file the app reads; else `[tool.diffsec]` in `root`/pyproject.toml; else Bandit's
 * settings, so a project moving from Bandit keeps its choices: `[tool.bandit]` in pyproject.toml
 * or a `.bandit` file (`skips` and `tests` map to diffsec rules through their `bandit:` ids,
 * `exclude_dirs`/`exclude` to exclude globs); else the defaults. `_extends` (resolved by the app
 * through GitHub) is ignored here, with a note.
 */
export function findConfig(explicit: string | undefined, cwd: string, root: string, rules: readonly Rule[]): FoundConfig {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    const text = readText(file, `--config ${explicit}`, true)!;
    return basename(file) === 'pyproject.toml' || file.endsWith('.toml')
      ? fromPyproject(text, `--config ${explicit}`, rules, true)!
      : fromYaml(text, `--config ${explicit}`, explicit);
  }
  const yml = readText(join(root, '.github', 'diffsec.yml'), '.github/diffsec.yml', false);
  if (yml !== null) return fromYaml(yml, '.github/diffsec.yml', '.github/diffsec.yml');
  const pyproject = readText(join(root, 'pyproject.toml'), 'pyproject.toml', false);
  const fromToml = pyproject === null ? null : fromPyproject(pyproject, 'pyproject.toml', rules, false);
  if (fromToml) return fromToml;
  const bandit = readText(join(root, '.bandit'), '.bandit', false);
  if (bandit !== null) return fromBandit(banditIni(bandit, '.bandit'), '.bandit', rules);
  return { config: structuredClone(DEFAULT_CONFIG), source: null, notes: [] };
}

function readText(file: string, label: string, required: boolean): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) return null;
    throw new UsageError(`${label}: cannot read it (${code ?? (error as Error).message})`);
  }
}

function fromYaml(text: string, label: string, source: string): FoundConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new UsageError(`${label}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const notes: string[] = [];
  if (doc && typeof doc === 'object' && !Array.isArray(doc) && Object.hasOwn(doc, '_extends')) {
    const { _extends: extended, ...rest } = doc as Record<string, unknown>;
    notes.push(`${source}: _extends: ${String(extended)} is resolved by the GitHub App only; the CLI uses this file's own settings`);
    doc = rest;
  }
  return { config: validated(doc, label), source, notes };
}

/** `[tool.diffsec]`, else (unless `required`) `[tool.bandit]`, else null. */
function fromPyproject(text: string, label: string, rules: readonly Rule[], required: boolean): FoundConfig | null {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text);
  } catch (error) {
    throw new UsageError(`${label}: not valid TOML: ${(error as Error).message}`);
  }
  const tool = (doc.tool ?? {}) as Record<string, unknown>;
  if (tool.diffsec !== undefined) return { config: validated(tool.diffsec, `${label} [tool.diffsec]`), source: label.replace(/^--config /, ''), notes: [] };
  if (required) throw new UsageError(`${label}: has no [tool.diffsec] table`);
  if (tool.bandit !== undefined) return fromBandit(tool.bandit as Record<string, unknown>, 'pyproject.toml [tool.bandit]', rules);
  return null;
}

function validated(doc: unknown, label: string): DiffsecConfig {
  try {
    return parseConfig(doc);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`${label}: '${error.key}' ${error.problem}`);
    throw error;
  }
}

/**
 * Bandit's settings as diffsec's: `skips` disable the rules with those Bandit ids, `tests` run
 * only those, `exclude_dirs` become exclude globs (a folder name or path, at any depth as Bandit
 * matches them). Ids diffsec has no rule for are left out; other keys are Bandit's own.
 */
function fromBandit(bandit: Record<string, unknown>, label: string, rules: readonly Rule[]): FoundConfig {
  const list = (key: string): string[] => {
    const value = bandit[key];
    if (value === undefined) return [];
    if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter(Boolean);
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    throw new UsageError(`${label}: '${key}' must be a list of strings`);
  };
  const byBandit = (ids: string[]) => rules.filter((r) => r.bandit.some((b) => ids.includes(b))).map((r) => r.id);
  const config = structuredClone(DEFAULT_CONFIG);
  config.rules.disable = byBandit(list('skips'));
  const tests = list('tests');
  if (tests.length) config.rules.only = byBandit(tests);
  const dirs = [...list('exclude_dirs'), ...list('exclude')].map((d) => d.replace(/^\.\//, '').replace(/\/+$/, '')).filter((d) => d && d !== '.');
  const globs = dirs.map((d) => (d.includes('*') ? d : `${d}/`));
  return { config: validated({ exclude: globs, rules: { disable: config.rules.disable, only: config.rules.only } }, label), source: label, notes: [`no diffsec config: using Bandit's settings from ${label}`] };
}

/** A `.bandit` file: INI, its `[bandit]` section's `key = value` lines. */
function banditIni(text: string, label: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let inBandit = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) inBandit = section[1]!.trim() === 'bandit';
    else if (inBandit) {
      const pair = /^([\w-]+)\s*[=:]\s*(.*)$/.exec(line);
      if (!pair) throw new UsageError(`${label}: cannot read the line '${line.slice(0, 60)}'`);
      out[pair[1]!] = pair[2]!;
    }
  }
  return out;
}
