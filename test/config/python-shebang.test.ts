import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { fileSelection } from '../../src/config/file-selection.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { hasNoExtension, isPythonShebang } from '../../src/config/python-shebang.js';

describe('isPythonShebang', () => {
  it.each([
    '#!/usr/bin/env python',
    '#!/usr/bin/env python3',
    '#!/usr/bin/python3',
    '#!/usr/bin/python2.7',
    '#! /usr/local/bin/python3.11',
    '#!/usr/bin/env -S python3 -u',
    '#!/usr/bin/env -Spython3',
    '#!/usr/bin/env -S "python3 -u"',
    '#!/usr/bin/env -i PYTHONPATH=. python3',
    '#!/usr/bin/env -u LANG python3',
    '#!/usr/bin/env -- python3',
    '#!/bin/env python',
    '#!/opt/pypy/bin/pypy3',
    '#!python',
    '#!/usr/bin/env python3\r\nimport os\r\n',
    '#!/usr/bin/python -Es\nimport os\n',
  ])('%j is Python', (line) => {
    expect(isPythonShebang(line)).toBe(true);
    expect(isPythonShebang(Buffer.from(line))).toBe(true);
  });

  it.each([
    '#!/bin/bash',
    '#!/bin/sh',
    '#!/usr/bin/env bash',
    '#!/usr/bin/perl -w',
    '#!/usr/bin/env pythonista',
    '#!/usr/bin/env python-config',
    '#!/usr/bin/mypython',
    '#!/usr/bin/env ruby # python',
    '#!/usr/bin/env',
    '#!',
    '# !/usr/bin/python',
    ' #!/usr/bin/python',
    '\uFEFF#!/usr/bin/python',
    'import os  # #!/usr/bin/python',
    '',
    '#!/bin/sh\n#!/usr/bin/python\n',
    '\x7fELF\x02\x01\x01\x00',
  ])('%j is not', (line) => {
    expect(isPythonShebang(line)).toBe(false);
    expect(isPythonShebang(Buffer.from(line))).toBe(false);
  });

  it('looks no further than the 256 bytes the kernel reads', () => {
    expect(isPythonShebang(`#!/${'a/'.repeat(120)}python3\n`)).toBe(true);
    expect(isPythonShebang(`#!/${'a/'.repeat(130)}python3\n`)).toBe(false);
  });

  it('reads a subarray of a larger buffer from its own offset', () => {
    const whole = Buffer.from('#!/bin/bash\n#!/usr/bin/python3\n');
    expect(isPythonShebang(whole.subarray(12))).toBe(true);
    expect(isPythonShebang(whole.subarray(0, 12))).toBe(false);
  });
});

describe('hasNoExtension', () => {
  it.each([
    ['bin/heat-keystone-setup-domain', true],
    ['tool', true],
    ['bin/tool.py', false],
    ['bin/tool.sh', false],
    ['.bashrc', false],
    ['a.b/tool', true],
    ['bin/', false],
  ])('%s: %s', (path, expected) => expect(hasNoExtension(path)).toBe(expected));
});

describe('fileSelection and Python scripts', () => {
  const selection = (yaml: Record<string, unknown> = {}) => fileSelection(parseConfig(yaml));

  it('by default takes an extensionless script anywhere a .py file would be taken', () => {
    const s = selection();
    expect(s.mayBeScript('bin/tool')).toBe(true);
    expect(s.selects('bin/tool')).toBe(false);
    expect(s.selects('bin/tool', true)).toBe(true);
    // Only names with no extension are ever looked into.
    expect(s.mayBeScript('bin/tool.sh')).toBe(false);
    expect(s.selects('bin/tool.sh', true)).toBe(false);
    // A .py file is selected by its name: nothing to look into.
    expect(s.mayBeScript('a.py')).toBe(false);
    expect(s.selects('a.py')).toBe(true);
  });

  it('follows include as <path>.py would: a narrow include does not bring in bin/', () => {
    const s = selection({ include: ['src/**/*.py'] });
    expect(s.mayBeScript('bin/tool')).toBe(false);
    expect(s.selects('bin/tool', true)).toBe(false);
    expect(s.mayBeScript('src/tools/run')).toBe(true);
    // `include: ['bin/*']` names the scripts themselves: they are selected by name, as before.
    const named = selection({ include: ['**/*.py', 'bin/*'] });
    expect(named.selects('bin/tool')).toBe(true);
    expect(named.mayBeScript('bin/tool')).toBe(false);
  });

  it('applies exclude to the real name, as to any file, and the built-in excludes', () => {
    expect(selection({ exclude: ['bin/'] }).mayBeScript('bin/tool')).toBe(false);
    expect(selection({ exclude: ['bin/tool'] }).mayBeScript('bin/tool')).toBe(false);
    expect(selection({ exclude: ['tool'] }).mayBeScript('bin/tool')).toBe(false);
    expect(selection({ exclude: ['tool.py'] }).mayBeScript('bin/tool')).toBe(true);
    expect(selection({ exclude: ['bin/', '!bin/tool'] }).mayBeScript('bin/tool')).toBe(true);
    expect(selection().mayBeScript('.venv/bin/pip')).toBe(false);
    expect(selection().mayBeScript('node_modules/x/cli')).toBe(false);
  });

  it('python_shebang: false looks into nothing', () => {
    const s = selection({ python_shebang: false });
    expect(s.mayBeScript('bin/tool')).toBe(false);
    expect(s.selects('bin/tool', true)).toBe(false);
    expect(DEFAULT_CONFIG.pythonShebang).toBe(true);
    expect(() => parseConfig({ python_shebang: 'yes' })).toThrow("'python_shebang' must be true or false");
  });
});
