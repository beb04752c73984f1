import {
  inCommandWrapperPredicate,
  isRunParameterPredicate,
} from '../../../src/rules/predicates/command-wrapper.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const ARG = {
  runners: ['subprocess.Popen', 'subprocess.check_output', 'oslo_concurrency.processutils.execute', 'oslo_concurrency.processutils.ssh_execute', '*.utils.execute', '*.exec_command', '*._execute', 'execute'],
  parameters: ['cmd', 'args', 'cmd_list', 'command'],
};

/** Tests the name read in the last `LOG.debug(..., <name>)` of the snippet. */
const logged = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const calls = module.descendantsOfType('call').filter((c: SyntaxNode) => c.childForFieldName('function')!.text === 'LOG.debug');
  const args = calls[calls.length - 1]!.childForFieldName('arguments')!.namedChildren;
  const name = args[args.length - 1]!;
  return { name, imports };
};

describe('is-run-parameter', () => {
  it.each([
    ['import subprocess\ndef run(cmd):\n    LOG.debug("%s", cmd)\n    return subprocess.Popen(cmd)'],
    ['from oslo_concurrency import processutils\ndef run(*cmd, **kw):\n    processutils.execute(*cmd, **kw)\n    LOG.debug("%s", cmd)'],
    ['from oslo_concurrency import processutils as putils\ndef run(ssh, cmd_list):\n    command = " ".join(cmd_list)\n    putils.ssh_execute(ssh, command)\n    LOG.debug("%s", cmd_list)'],
    ['def run(self, cmd):\n    self._execute(*cmd, run_as_root=True)\n    LOG.debug("%s", cmd)'],
    ['from nova import utils\ndef run(args):\n    utils.execute(*(["sudo"] + args))\n    LOG.debug("%s", args)'],
    ['def run(client, command):\n    client.exec_command(command)\n    LOG.debug("%s", command)'],
    ['import subprocess\ndef run(cmd, quiet=False):\n    if quiet:\n        cmd = cmd + ["-q"]\n    subprocess.Popen(args=cmd)\n    LOG.debug("%s", cmd)'],
    ['def execute(*cmd):\n    pass\ndef trycmd(*args):\n    LOG.debug("%s", args)\n    return execute(*args)'],
  ])('%j: the logged name is a command the function runs', (source) => {
    const { name, imports } = logged(source);
    expect(isRunParameterPredicate.test(name, ARG, { path: 'p.py', imports })).toBe(true);
  });

  it.each([
    ['def describe(cmd):\n    LOG.debug("%s", cmd)\n    return cmd'],
    ['import subprocess\ndef run(cmd):\n    cmd = mask_password(cmd)\n    subprocess.Popen(cmd)\n    LOG.debug("%s", cmd)'],
    ['from nova import utils\ndef lvs(name, cmd):\n    utils.execute("lvs", name)\n    LOG.debug("%s", cmd)'],
    ['def query(cursor, sql, args):\n    cursor.execute(sql, args)\n    LOG.debug("%s", args)'],
    ['from nova import utils\ndef run(cmd, data):\n    utils.execute(*cmd, process_input=data)\n    LOG.debug("%s", data)'],
    ['import subprocess\ndef outer(cmd):\n    def inner():\n        LOG.debug("%s", cmd)\n    subprocess.Popen(cmd)\n    return inner'],
    ['import subprocess\ndef run(cmd):\n    def later(cmd):\n        subprocess.Popen(cmd)\n    LOG.debug("%s", cmd)\n    return later'],
    ['import subprocess\ndef run(cmd):\n    subprocess.Popen(cmd)\n    cmd = "done"\n    LOG.debug("%s", cmd)'],
  ])('%j: it is not', (source) => {
    const { name, imports } = logged(source);
    expect(isRunParameterPredicate.test(name, ARG, { path: 'p.py', imports })).toBe(false);
  });

  it('counts the parameter in the parameter list', () => {
    const { node, imports } = firstNode('import subprocess\ndef run(*cmd):\n    subprocess.Popen(cmd)', 'list_splat_pattern');
    expect(isRunParameterPredicate.test(node.namedChildren[0]!, ARG, { path: 'p.py', imports })).toBe(true);
  });

  it('checks its argument', () => {
    expect(isRunParameterPredicate.checkArg(ARG)).toBeNull();
    expect(isRunParameterPredicate.checkArg(['subprocess.Popen'])).toMatch(/takes/);
    expect(isRunParameterPredicate.checkArg({ runners: [], parameters: ['cmd'] })).toMatch(/runners/);
    expect(isRunParameterPredicate.checkArg({ runners: ['x'], parameters: ['not a name'] })).toMatch(/parameters/);
    expect(isRunParameterPredicate.checkArg({ runners: ['x'], parameters: ['cmd'], other: 1 })).toMatch(/only/);
  });
});

describe('in-command-wrapper', () => {
  const inWrapper = (source: string) => {
    const { node: module, imports } = firstNode(source, 'module');
    const read = module.descendantsOfType('call').find((c: SyntaxNode) => /communicate$/.test(c.childForFieldName('function')!.text))!;
    return inCommandWrapperPredicate.test(read, ARG, { path: 'p.py', imports });
  };

  it('holds in a function that runs a command it was given', () => {
    expect(inWrapper('import subprocess\ndef run(cmd):\n    p = subprocess.Popen(cmd)\n    return p.communicate()')).toBe(true);
  });

  it('does not in one that runs a command of its own', () => {
    expect(inWrapper('import subprocess\ndef run(name):\n    p = subprocess.Popen(["ls", name])\n    return p.communicate()')).toBe(false);
    expect(inWrapper('import subprocess\ndef run(cmd):\n    p = subprocess.Popen(["ls"])\n    return p.communicate()')).toBe(false);
  });
});

