import { boundToCallPredicate } from '../../../src/rules/predicates/bound-to-call.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const HMAC = ['hmac.new', 'hmac.HMAC'];

/** Tests the receiver of the last `.hexdigest()` / `.digest()` call in the snippet. */
const holds = (source: string, names: string[] = HMAC) => {
  const { node: module, imports } = firstNode(source, 'module');
  const digests = module
    .descendantsOfType('call')
    .filter((c: SyntaxNode) => /\.(hex)?digest$/.test(c.childForFieldName('function')!.text));
  const receiver = digests[digests.length - 1]!.childForFieldName('function')!.childForFieldName('object')!;
  return boundToCallPredicate.test(receiver, names, { path: 'app.py', imports });
};

describe('bound-to-call', () => {
  it.each([
    ['import hmac, hashlib\ndef f(key, msg):\n    mac = hmac.new(key, msg, hashlib.sha256)\n    return mac.hexdigest()'],
    ['import hmac\ndef f(key, parts):\n    mac = hmac.HMAC(key, digestmod="sha1")\n    for p in parts:\n        mac.update(p)\n    return mac.digest()'],
    ['import hmac as _hmac\ndef f(key, msg):\n    signer = _hmac.new(key, msg, "sha256")\n    return signer.hexdigest()'],
    ['from hmac import new as new_hmac\ndef f(key, msg):\n    h = (new_hmac(key, msg, "md5"))\n    return h.hexdigest()'],
    ['import hmac\ndef f(key, msg):\n    mac = hmac.new(key, msg, "sha256")\n    other = mac\n    return other.hexdigest()'],
    ['import hmac\ndef f(key, msg, fast):\n    if fast:\n        mac = hmac.new(key, msg, "md5")\n    else:\n        mac = hmac.new(key, msg, "sha256")\n    return mac.hexdigest()'],
    ['import hmac\nSIGNER = hmac.new(b"k", digestmod="sha256")\ndef f(msg):\n    s = SIGNER\n    return s.hexdigest()'],
    ['import hmac\ndef f(key, msg):\n    mac = hmac.new(key, msg, "sha256")\n    def inner():\n        return mac.hexdigest()\n    return inner'],
  ])('%j: the receiver holds an HMAC', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    ['import hashlib\ndef f(data):\n    h = hashlib.sha256(data)\n    return h.hexdigest()'],
    ['import hmac, hashlib\ndef f(key, msg):\n    mac = hmac.new(key, msg, "sha256")\n    mac = hashlib.md5(msg)\n    return mac.hexdigest()'],
    ['import hmac\ndef f(mac):\n    return mac.hexdigest()'],
    ['def f(key, msg):\n    mac = new(key, msg)\n    return mac.hexdigest()'],
    ['import hmac\ndef g(key, msg):\n    mac = hmac.new(key, msg, "sha256")\n    return 1\ndef f(mac):\n    return mac.hexdigest()'],
    ['import hmac\ndef f(key, msg):\n    mac = hmac.new(key, msg, "sha256")\n    return mac.hexdigest()', ['hashlib.sha256']],
  ])('%j: it does not', (source, names = HMAC) => {
    expect(holds(source, names as string[])).toBe(false);
  });

  it.each([
    ['from flask import Blueprint\nusers_bp = Blueprint("users", __name__)\n@users_bp.get("/u")\ndef u():\n    pass', true],
    ['import fastapi\nclass R:\n    pass\napi_router = fastapi.APIRouter()\n@api_router.post("/k")\ndef k():\n    pass', true],
    ['import cache\nstore = cache.Region()\n@store.get("/u")\ndef u():\n    pass', false],
    ['from flask import Blueprint\ndef make():\n    users_bp = Blueprint("users", __name__)\n    return users_bp\n@users_bp.get("/u")\ndef u():\n    pass', false],
  ])('%j: a decorator read at module level sees the module\'s assignments (%s)', (source, expected) => {
    const { node: module, imports } = firstNode(source as string, 'module');
    const receiver = module.descendantsOfType('decorator')[0]!.firstNamedChild!.childForFieldName('function')!.childForFieldName('object')!;
    expect(boundToCallPredicate.test(receiver, ['flask.Blueprint', 'fastapi.APIRouter'], { path: 'app.py', imports })).toBe(expected);
  });

  it('is false on anything but a name', () => {
    const { node, imports } = firstNode('import hmac\nx = hmac.new(k).hexdigest()', 'attribute');
    expect(boundToCallPredicate.test(node, HMAC, { path: 'app.py', imports })).toBe(false);
  });

  it('checks its argument', () => {
    expect(boundToCallPredicate.checkArg(['hmac.new'])).toBeNull();
    expect(boundToCallPredicate.checkArg([])).toMatch(/takes/);
    expect(boundToCallPredicate.checkArg('hmac.new')).toMatch(/takes/);
  });
});
