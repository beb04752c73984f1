import { parsePython } from '../../../src/analysis/python-parser.js';
import { fileMentions, fileMentionsPredicate } from '../../../src/rules/predicates/file-mentions.js';

const firstName = (source: string) => parsePython(source).rootNode.descendantsOfType('identifier')[0]!;

describe('file-mentions', () => {
  it('holds when the file has one of the words as a whole word, in code, a string or a comment', () => {
    expect(fileMentions(firstName('url = x\nconsole.connect(url)\n'), ['console'])).toBe(true);
    expect(fileMentions(firstName('url = x\nLOG.info("the console is at %s", url)\n'), ['console'])).toBe(true);
    expect(fileMentions(firstName('url = x  # a remote console\n'), ['consoles', 'console'])).toBe(true);
  });

  it('does not hold for the word inside another name, or absent', () => {
    expect(fileMentions(firstName('url = x\nconsoleauth.get(url)\n'), ['console'])).toBe(false);
    expect(fileMentions(firstName('url = x\nmy_console = 1\n'), ['console'])).toBe(false);
    expect(fileMentions(firstName('access_url = cdn.domain\n'), ['console', 'consoleauth'])).toBe(false);
  });

  it('answers for each file on its own', () => {
    const words = ['console'];
    expect(fileMentions(firstName('a = console\n'), words)).toBe(true);
    expect(fileMentions(firstName('a = b\n'), words)).toBe(false);
  });

  it('takes a list of words', () => {
    expect(fileMentionsPredicate.checkArg(['console'])).toBeNull();
    expect(fileMentionsPredicate.checkArg('console')).not.toBeNull();
  });
});
