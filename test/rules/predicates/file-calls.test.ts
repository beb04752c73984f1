import { parsePython } from '../../../src/analysis/python-parser.js';
import { ImportMap } from '../../../src/analysis/import-map.js';
import { fileCalls } from '../../../src/rules/predicates/file-calls.js';

const EMITS = ['emit', '*Notification'];

/** The predicate asked about the first `Payload`-named call of the snippet (any node of the file answers the same). */
const calls = (source: string, names: string[] = EMITS) => {
  const root = parsePython(`${source}\n`).rootNode;
  const node = root.descendantsOfType('call').find((c) => /Payload/.test(c.childForFieldName('function')!.text)) ?? root;
  return fileCalls.test(node, names, { path: 'x.py', imports: new ImportMap() });
};

describe('file-calls', () => {
  it.each([
    ['p = X.InstanceActionPayload(a)\ndef send(ctx, n):\n    n.emit(ctx)', 'a method written emit, elsewhere in the file'],
    ['p = ActionPlanCreatePayload(a)\nn = ActionPlanCreateNotification(payload=p)', 'a call of a name ending with Notification'],
    ['p = nobj.NodeActionPayload(node)\nnobj.NodeActionNotification(payload=p).emit(ctx)', 'both, chained'],
    ['class A:\n    def f(self):\n        return self.build().emit(ctx)\np = SomePayload()', 'a call in a method'],
  ])('%j calls one (%s)', (source) => {
    expect(calls(source)).toBe(true);
  });

  it.each([
    ['p = schemas.Payload(token=t)\nprint(p)', 'no call of those names'],
    ['class NodeNotification(NotificationBase):\n    pass\np = NodePayload(n)', 'a class defined, not called'],
    ['p = NodePayload(n)\nemitter = n.emit\nx = "emit(ctx)"', 'an attribute read and a string, not calls'],
    ['p = NodePayload(n)\nsend_notification(ctx)\nn.emitted(ctx)', 'other names: lower case notification, emitted'],
    ['p = NodePayload(n)\nf()()\nhandlers[0](x)', 'callees without a written name'],
  ])('%j does not (%s)', (source) => {
    expect(calls(source)).toBe(false);
  });

  it('matches prefixes too, and checks its argument', () => {
    expect(calls('p = NodePayload(n)\nnotify_about_node(ctx)', ['notify_*'])).toBe(true);
    expect(fileCalls.checkArg(EMITS)).toBeNull();
    expect(fileCalls.checkArg([])).toMatch(/takes/);
    expect(fileCalls.checkArg(['*'])).toMatch(/takes names/);
    expect(fileCalls.checkArg(['a.emit'])).toMatch(/takes names/);
    expect(fileCalls.checkArg(['e*mit'])).toMatch(/takes names/);
  });
});
