import { sentAsKeywordPredicate } from '../../../src/rules/predicates/sent-as-keyword.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { namedNodes } from '../../helpers/parse.js';

const arg = { keyword: 'headers', calls: ['request', 'get', 'post', 'urlopen', 'Request'] };

/** The first identifier `name` in the source (its first occurrence, as the trace would meet a parameter). */
function firstName(source: string, name: string): SyntaxNode {
  return namedNodes(parsePython(source).rootNode).find((n) => n.type === 'identifier' && n.text === name)!;
}

const holds = (source: string, name = 'headers', a: unknown = arg) =>
  sentAsKeywordPredicate.test(firstName(source, name), a, { path: 'app.py', imports: undefined as never });

describe('sent-as-keyword', () => {
  it.each([
    'def f(self, url, headers):\n    LOG.debug("%s", headers)\n    return self.session.request("GET", url, headers=headers)',
    'def f(url, headers):\n    r = requests.post(url,\n                      data=b,\n                      headers = headers)',
    'def f(url, headers):\n    return urlopen(Request(url, headers=headers))',
    'headers = {"X-Auth-Token": t}\nrequests.get(URL, headers=headers)',
  ])('%j sends the name as headers=', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    // passed to a response, not a request
    'def f(version, headers=None):\n    raise webob.exc.HTTPNotAcceptable("v", headers=headers)',
    // another keyword, or another value under `headers=`
    'def f(url, headers):\n    return requests.get(url, params=headers)',
    'def f(url, headers):\n    return requests.get(url, headers=dict(headers))',
    'def f(url, headers):\n    return requests.get(url, headers=self.headers)',
    // the same text in a string or another function
    'def f(url, headers):\n    LOG.debug("headers=headers")\n\ndef g(headers):\n    requests.get(u, headers=headers)',
    'def f(url, other_headers):\n    return requests.get(url, headers=other_headers)',
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('asks about the capture\'s own name', () => {
    expect(holds('def f(url, hdrs):\n    return requests.get(url, headers=hdrs)', 'hdrs')).toBe(true);
    expect(holds('def f(url, hdrs, headers):\n    return requests.get(url, headers=hdrs)', 'headers')).toBe(false);
  });

  it('checks its argument', () => {
    expect(sentAsKeywordPredicate.checkArg(arg)).toBeNull();
    expect(sentAsKeywordPredicate.checkArg({ keyword: 'headers' })).not.toBeNull();
    expect(sentAsKeywordPredicate.checkArg({ keyword: 'a b', calls: ['get'] })).not.toBeNull();
    expect(sentAsKeywordPredicate.checkArg({ keyword: 'headers', calls: [] })).not.toBeNull();
    expect(sentAsKeywordPredicate.checkArg({ keyword: 'headers', calls: ['get'], extra: 1 })).not.toBeNull();
    expect(sentAsKeywordPredicate.checkArg(['headers'])).not.toBeNull();
  });
});
