// jest globalSetup: builds dist/ once before the tests when any source or rule file is newer than
// it, so the tests that run the compiled code (CLI child processes, worker threads, the server)
// never run a stale build, and no two test files build at once.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

export default function buildDist() {
  const root = process.cwd();
  let built = 0;
  try {
    built = statSync(join(root, 'dist', 'bundled-rules.json')).mtimeMs;
  } catch {}
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'rules')), statSync(join(root, 'package.json')).mtimeMs);
  if (sources > built) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
}
