import { isCallTo } from '../../../src/rules/predicates/is-call-to.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string, names: string[]) => {
  const { node, imports } = assignedValue(source);
  return isCallTo.test(node, names, { path: 'app.py', imports });
};

describe('is-call-to', () => {
  it.each([
    ['import jinja2\nx = jinja2.select_autoescape(["html"])', ['jinja2.select_autoescape']],
    ['from jinja2 import select_autoescape as sa\nx = sa()', ['jinja2.select_autoescape']],
    ['from django.utils.html import escape\nx = (escape(v))', ['django.utils.html.*']],
  ])('%j calls one of the names', (source, names) => {
    expect(holds(source, names)).toBe(true);
  });

  it.each([
    ['import jinja2\nx = jinja2.select_autoescape', ['jinja2.select_autoescape']],
    ['x = select_autoescape()', ['jinja2.select_autoescape']],
    ['import jinja2\nx = jinja2.Environment()', ['jinja2.select_autoescape']],
    ['x = helpers.make()()', ['helpers.make']],
  ])('%j does not', (source, names) => {
    expect(holds(source, names)).toBe(false);
  });

  it('checks its argument', () => {
    expect(isCallTo.checkArg(['a.b'])).toBeNull();
    expect(isCallTo.checkArg([])).toMatch(/takes/);
  });
});
