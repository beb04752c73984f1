import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;

/**
 * Parses YAML (rule files, `--config`). The `yaml` module is loaded on first use, because loading
 * it is a tenth of a scan's start-up (25 ms) and a scan with a current rule snapshot and no config
 * file never needs it.
 */
export function parseYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as Yaml;
  return yaml.parse(text);
}
