import { inClassDerivingFrom } from '../../../src/rules/predicates/in-class-deriving-from.js';
import { firstNode } from '../../helpers/parse.js';

const CONTEXT = ['oslo_context.context.RequestContext'];

/** Whether the first call of `source` (the `self.to_dict()` each snippet starts its calls with) is in such a class. */
const holds = (source: string, names: string[] = CONTEXT) => {
  const { node, imports } = firstNode(source, 'call');
  return inClassDerivingFrom.test(node, names, { path: 'nova/context.py', imports });
};

describe('in-class-deriving-from', () => {
  it.each([
    ['a base read through a module import', 'from oslo_context import context\n\nclass RequestContext(context.RequestContext):\n    def __str__(self):\n        return "<Context %s>" % self.to_dict()\n', CONTEXT],
    ['a base imported by name, and a metaclass keyword beside it', 'from oslo_context.context import RequestContext as Base\n\nclass Ctx(object, Base, metaclass=abc.ABCMeta):\n    def f(self):\n        if self:\n            for x in y:\n                return self.to_dict()\n', CONTEXT],
    ['a decorated method', 'import oslo_context.context\n\nclass Ctx(oslo_context.context.RequestContext):\n    @property\n    def f(self):\n        return self.to_dict()\n', CONTEXT],
    ['a prefix pattern', 'from oslo_context import context\n\nclass C(context.RequestContext):\n    def f(self):\n        return self.to_dict()\n', ['oslo_context.*']],
  ])('holds in %s', (_label, source, names) => {
    expect(holds(source as string, names as string[])).toBe(true);
  });

  it.each([
    ['another base', 'from oslo_context import context\n\nclass Other(context.Other):\n    def f(self):\n        return self.to_dict()\n'],
    ['a same-named class of another package', 'from mylib import context\n\nclass C(context.RequestContext):\n    def f(self):\n        return self.to_dict()\n'],
    ['a class without bases', 'class C:\n    def f(self):\n        return self.to_dict()\n'],
    ['a module-level function', 'def f(self):\n    return self.to_dict()\n'],
    ['a function nested in a method', 'from oslo_context import context\n\nclass C(context.RequestContext):\n    def f(self):\n        def g(self):\n            return self.to_dict()\n        return g\n'],
    ['a class body outside any method', 'from oslo_context import context\n\nclass C(context.RequestContext):\n    d = self.to_dict()\n'],
    ['a lambda in a method', 'from oslo_context import context\n\nclass C(context.RequestContext):\n    def f(self):\n        return lambda: self.to_dict()\n'],
  ])('does not hold in %s', (_label, source) => {
    expect(holds(source)).toBe(false);
  });

  it('checks its argument', () => {
    expect(inClassDerivingFrom.checkArg(CONTEXT)).toBeNull();
    expect(inClassDerivingFrom.checkArg('oslo_context.context.RequestContext')).toMatch(/takes/);
    expect(inClassDerivingFrom.checkArg([])).toMatch(/takes/);
  });
});
