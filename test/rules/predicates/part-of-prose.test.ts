import { parsePython } from '../../../src/analysis/python-parser.js';
import { partOfProse } from '../../../src/rules/predicates/part-of-prose.js';

/** The string literal of the snippet holding `@`. */
const prose = (source: string) => partOfProse(parsePython(`${source}\n`).rootNode.descendantsOfType('string').find((s) => s.text.includes('@'))!);

describe('part-of-prose', () => {
  it('holds for an example inside a message split over literals', () => {
    expect(prose('reason = ("If you have specified a URI like "\n          "swift://user:pass@authurl.com/v1"\n          ", change it")')).toBe(true);
  });

  it.each([
    ['url = "rabbit://nova:s3cret@mq/"', 'a lone literal'],
    ['url = ("rabbit://nova:s3cret@"\n       "mq.internal:5672/")', 'a URL split over two literals'],
    ['url = "If you have a URI like " + "swift://user:pass@authurl.com/v1"', 'a + chain, not an implicit concatenation'],
  ])('%s: not (%s)', (source) => {
    expect(prose(source)).toBe(false);
  });
});
