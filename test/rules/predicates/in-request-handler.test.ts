import { inRequestHandlerPredicate } from '../../../src/rules/predicates/in-request-handler.js';
import { firstNode } from '../../helpers/parse.js';

const inHandler = (source: string) => {
  const { node, imports } = firstNode(source, 'return_statement');
  return inRequestHandlerPredicate.test(node, true, { path: 'api.py', imports });
};

describe('in-request-handler', () => {
  it.each([
    'def show(self, req, id):\n    return body\n',
    'def show(request: Request = None):\n    return body\n',
    'def app(environ, start_response):\n    return [body]\n',
    '@app.route("/x")\ndef show():\n    return body\n',
    '@pecan.expose("json")\ndef get_one(self, uuid):\n    return body\n',
  ])('%s answers requests', (source) => expect(inHandler(source)).toBe(true));

  it.each(['def _request(self, method, url):\n    return 408, body\n', 'def helper(requests):\n    return body\n', 'return_value = 1\ndef f():\n    return 1\n'])(
    '%s does not',
    (source) => expect(inHandler(source)).toBe(false),
  );
});
