import { holdsRevealedExceptionPredicate } from '../../../src/rules/predicates/holds-revealed-exception.js';
import { firstNode } from '../../helpers/parse.js';

/** Tests the first call to `HTTPBadRequest` (or the first `return`) in a handler's except clause. */
function holds(handler: string, statement: string): boolean {
  const source = `import traceback\nimport webob.exc\n\n\ndef create(req):\n    try:\n        run()\n    ${handler}\n        msg = str(e)\n        ${statement}\n`;
  const type = statement.startsWith('return') ? 'return_statement' : 'call';
  const { node, imports } = firstNode(source.replace('msg = str(e)', 'msg = "x"'), type === 'call' ? 'raise_statement' : type);
  const target = type === 'call' ? node.namedChildren[0]! : node;
  return holdsRevealedExceptionPredicate.test(target, true, { path: 'api.py', imports }) as boolean;
}

describe('holds-revealed-exception', () => {
  it.each([
    'raise webob.exc.HTTPBadRequest(explanation=str(e))',
    'raise webob.exc.HTTPBadRequest(explanation="failed: %s" % e)',
    'raise webob.exc.HTTPBadRequest(explanation=traceback.format_exc())',
    'return {"error": repr(e)}, 500',
  ])('%s holds what DS301 reports', (statement) => expect(holds('except Exception as e:', statement)).toBe(true));

  it.each([
    'raise webob.exc.HTTPBadRequest(explanation=msg)',
    'raise webob.exc.HTTPBadRequest(explanation=e.format_message())',
    'return {"error": "failed"}, 500',
  ])('%s does not (the detail, if any, arrives through a step)', (statement) => expect(holds('except Exception as e:', statement)).toBe(false));

  it('leaves narrow catches alone, as DS301 does', () => {
    expect(holds('except ValueError as e:', 'raise webob.exc.HTTPBadRequest(explanation=str(e))')).toBe(false);
  });
});
