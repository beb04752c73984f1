import { isConstantString, isFormattedString, stringValue } from '../../src/analysis/string-literal.js';
import { assignedValue } from '../helpers/parse.js';

const value = (expr: string) => assignedValue(`x = ${expr}\n`).node;

describe('string classification', () => {
  it.each(['"ls -l"', "'a' 'b'", '"a" + "b"', '("tar")', 'r"\\d+"', 'f"constant"'])('%s is a constant string', (expr) => {
    expect(isConstantString(value(expr))).toBe(true);
    expect(isFormattedString(value(expr))).toBe(false);
  });

  it.each(['f"ls {path}"', '"ls %s" % path', '"ls {}".format(path)', 'sql.format(table)', '"ls " + path', 'path + " -l"', '"a" f"{b}"', '"%s" % (a, b)'])(
    '%s is a formatted string',
    (expr) => {
      expect(isFormattedString(value(expr))).toBe(true);
      expect(isConstantString(value(expr))).toBe(false);
    },
  );

  it.each(['path', 'get_cmd()', '["ls", path]', '1 + 2', '"x".upper()'])('%s is neither', (expr) => {
    expect(isConstantString(value(expr))).toBe(false);
    expect(isFormattedString(value(expr))).toBe(false);
  });

  it('reads the value of a constant string', () => {
    expect(stringValue(value('"abc" \'def\''))).toBe('abcdef');
    expect(stringValue(value('f"a{b}"'))).toBeNull();
  });
});
