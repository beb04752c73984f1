// Regenerates docs/rules.md from rules/ and the predicate registry: `npm run docs:rules`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { buildRuleCatalogue } from './rule-catalogue.js';

const target = join(packageRoot(), 'docs', 'rules.md');
writeFileSync(target, buildRuleCatalogue());
console.log(`wrote ${target}`);
