import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionInputs } from '../../src/action/action-inputs.js';
import { parseYaml } from '../../src/parse-yaml.js';

interface Step {
  name: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
const ROOT = process.cwd();
const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } };

describe('action.yml', () => {
  const steps = action.runs.steps;
  const review = steps.find((s) => s.name === 'Review the pull request')!;

  it('is a composite action that installs itself with npm ci (which builds dist/) before running', () => {
    expect(action.runs.using).toBe('composite');
    const install = steps.findIndex((s) => s.run?.startsWith('npm ci'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(steps[install]!['working-directory']).toBe('${{ github.action_path }}');
    expect(steps.indexOf(review)).toBeGreaterThan(install);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.prepare).toMatch(/build/);
  });

  it('runs the built entry point on pull request events, passing every input the entry point reads', () => {
    expect(review.if).toContain("github.event_name == 'pull_request'");
    const script = /node "\$GITHUB_ACTION_PATH\/(\S+)"/.exec(review.run!)![1]!;
    expect(script).toBe('dist/src/action/main.js');
    expect(existsSync(join(ROOT, script))).toBe(true);
    // The step's env, with the expressions replaced by values, is what actionInputs reads.
    const env = Object.fromEntries(Object.entries(review.env!).map(([key, value]) => [key, value.replace('${{ inputs.github-token }}', 'tok').replace('${{ inputs.fail-job }}', 'false').replace('${{ inputs.bot-login }}', 'me[bot]')]));
    const inputs = actionInputs({ ...env, GITHUB_REPOSITORY: 'o/r', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: '/e.json' });
    expect(inputs).toMatchObject({ token: 'tok', failJob: false, botLogin: 'me[bot]' });
    for (const name of ['github-token', 'fail-job', 'bot-login']) expect(action.inputs[name]).toBeDefined();
  });

  it('writes SARIF with diffsec scan and uploads it with github/codeql-action/upload-sarif only when asked', () => {
    const sarif = steps.find((s) => s.run?.includes('scan --format sarif'))!;
    expect(sarif.if).toBe("inputs.sarif-file != ''");
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toContain("inputs.upload-sarif == 'true'");
    expect(action.inputs['upload-sarif']!.default).toBe('false');
  });
});
