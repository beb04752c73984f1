import { argvLiteral } from '../../src/analysis/argv-literal.js';
import { assignedValue } from '../helpers/parse.js';

const argv = (source: string) => argvLiteral(assignedValue(`x = ${source}\n`).node);

describe('argvLiteral', () => {
  it.each([
    ['"ls -l /srv"', '["ls", "-l", "/srv"]'],
    ["'uptime'", '["uptime"]'],
    ['"df  -h\t/var"', '["df", "-h", "/var"]'],
    ['"ls" " -l"', '["ls", "-l"]'],
  ])('%s becomes %s', (source, expected) => {
    expect(argv(source)).toBe(expected);
  });

  it.each(['"sync; sync"', '"ls *.py"', '"echo $HOME"', '"a | b"', '"echo \'x y\'"', '"a\\\\nb"', 'f"ls {path}"', '"  "', '"cat > out"', 'cmd'])(
    '%s has shell syntax or is not a constant: no list',
    (source) => {
      expect(argv(source)).toBeNull();
    },
  );
});
