// Regenerates docs/parity.md from the rules' bandit:/ruff: fields and scripts/parity-ids.yaml: `npm run docs:parity`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { buildParity } from './parity-doc.js';

const target = join(packageRoot(), 'docs', 'parity.md');
writeFileSync(target, buildParity());
console.log(`wrote ${target}`);
