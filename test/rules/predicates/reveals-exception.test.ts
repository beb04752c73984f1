import { revealsExceptionPredicate } from '../../../src/rules/predicates/reveals-exception.js';
import { assignedValue } from '../../helpers/parse.js';

/** Tests the value assigned last in `body`, placed inside `handler` of a function. */
const reveals = (body: string, handler = 'except Exception as e:') => {
  const source = `import six\nimport traceback\n\n\ndef f():\n    try:\n        run()\n    ${handler}\n        ${body}\n`;
  const { node, imports } = assignedValue(source);
  return revealsExceptionPredicate.test(node, true, { path: 'app.py', imports });
};

describe('reveals-exception', () => {
  it.each(['x = str(e)', 'x = repr(e)', 'x = six.text_type(e)', 'x = f"failed: {e}"', 'x = "failed: %s" % e', 'x = "%s: %s" % (type(e), e)', 'x = "failed: {}".format(e)', 'x = e.args', 'x = traceback.format_exc()'])(
    '%s renders the caught exception',
    (body) => expect(reveals(body)).toBe(true),
  );

  it('counts broad catches only, except for tracebacks', () => {
    expect(reveals('x = str(e)', 'except (ValueError, Exception) as e:')).toBe(true);
    expect(reveals('x = str(e)', 'except BaseException as e:')).toBe(true);
    expect(reveals('x = str(e)', 'except exception.InvalidInput as e:')).toBe(false);
    expect(reveals('x = str(e)', 'except ValueError as e:')).toBe(false);
    expect(reveals('x = traceback.format_exc()', 'except ValueError:')).toBe(true);
  });

  it.each(['x = e.format_message()', 'x = str(err)', 'x = str(e, "utf-8")', 'x = "failed"', 'x = len(e.args)'])('%s does not', (body) => {
    expect(reveals(body)).toBe(false);
  });

  it('needs the name bound by an except clause of the same function', () => {
    const { node, imports } = assignedValue('def f(e):\n    x = str(e)\n');
    expect(revealsExceptionPredicate.test(node, true, { path: 'app.py', imports })).toBe(false);
    const nested = assignedValue('def f():\n    try:\n        run()\n    except Exception as e:\n        def g():\n            x = str(e)\n');
    expect(revealsExceptionPredicate.test(nested.node, true, { path: 'app.py', imports: nested.imports })).toBe(false);
  });
});
