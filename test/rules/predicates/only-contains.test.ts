import { onlyContains } from '../../../src/rules/predicates/only-contains.js';
import { firstNode } from '../../helpers/parse.js';

const handlerBody = (body: string) => {
  const { node, imports } = firstNode(`try:\n    run()\nexcept Exception:\n${body}\n`, 'except_clause');
  const block = node.namedChildren.find((c) => c.type === 'block')!;
  return onlyContains.test(block, ['pass_statement', 'continue_statement'], { path: 'app.py', imports });
};

describe('only-contains', () => {
  it.each(['    pass', '    pass  # why', '    pass\n    # later', '    continue', '    pass\n    pass'])('%j holds only the listed statements', (body) => {
    expect(handlerBody(body)).toBe(true);
  });

  it.each(['    log()', '    pass\n    log()', '    log()\n    pass', '    raise'])('%j holds something else', (body) => {
    expect(handlerBody(body)).toBe(false);
  });

  it('checks its argument', () => {
    expect(onlyContains.checkArg(['pass_statement'])).toBeNull();
    expect(onlyContains.checkArg([])).toMatch(/takes/);
    expect(onlyContains.checkArg('pass_statement')).toMatch(/takes/);
  });
});
