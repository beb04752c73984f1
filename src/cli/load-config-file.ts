import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseYaml } from '../parse-yaml.js';
import type { DiffsecConfig } from '../config/config.js';
import { ConfigError, parseConfig } from '../config/parse-config.js';
import { UsageError } from './usage-error.js';

/**
 * Reads `--config FILE` (YAML, the keys of `.github/diffsec.yml`) and validates it with
 * parseConfig; every problem is a UsageError naming the file and, for a bad setting, the key.
 */
export async function loadConfigFile(file: string, cwd: string): Promise<DiffsecConfig> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`--config ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new UsageError(`--config ${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    return parseConfig(doc);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`--config ${file}: '${error.key}' ${error.problem}`);
    throw error;
  }
}
