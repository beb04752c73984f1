import { parsePython } from '../../../src/analysis/python-parser.js';
import { givenOnlyConstants, givenOnlyConstantsPredicate } from '../../../src/rules/predicates/given-only-constants.js';

/** The first read of `text` passed to `compile(...)` in the snippet. */
const given = (source: string) => {
  const call = parsePython(`${source}\n`).rootNode.descendantsOfType('call').find((c) => c.childForFieldName('function')!.text === 'compile')!;
  return givenOnlyConstants(call.childForFieldName('arguments')!.namedChildren[0]!);
};

describe('given-only-constants', () => {
  it.each([
    ['def f(text, p):\n    return compile(text)\n\nf("a", 1)\nf(TEMPLATE, 2)', 'a literal and an upper-case name'],
    ['def f(p, text):\n    return compile(source=text)\n\nf(1, text="a")', 'by keyword'],
    ['class C:\n    T = "x"\n    def f(self, text):\n        return compile(text)\n    def g(self):\n        return self.f(self.T)', 'a method, through self'],
  ])('%s: %s', (source) => {
    expect(given(source)).toBe(true);
  });

  it.each([
    ['def f(text):\n    return compile(text)', 'never called'],
    ['def f(text):\n    return compile(text)\n\nf("a")\nf(body)', 'one call passes a value'],
    ['def f(text):\n    text = text.strip()\n    return compile(text)\n\nf("a")', 'rebound in the function'],
    ['def f(text):\n    return compile(text)\n\nhandlers = [f]\nf("a")', 'also a callback'],
    ['def f(*text):\n    return compile(text)\n\nf("a")', 'star arguments'],
    ['def f():\n    text = load()\n    return compile(text)\n\nf()', 'not a parameter'],
  ])('%s: not (%s)', (source) => {
    expect(given(source)).toBe(false);
  });

  it('takes only true', () => {
    expect(givenOnlyConstantsPredicate.checkArg(true)).toBeNull();
    expect(givenOnlyConstantsPredicate.checkArg(1)).not.toBeNull();
  });
});

describe('given-only-constants: a constructor parameter', () => {
  const base = 'class Base(object):\n    def __init__(self, name, other=None):\n        self.cls = compile(name)\n\n';

  it.each([
    [`${base}class A(Base):\n    def __init__(self):\n        name = "A"\n        super(A, self).__init__(name)\n\nclass B(Base):\n    def __init__(self):\n        super().__init__(name="B")`, "subclasses' super().__init__, a local bound once and a keyword"],
    [`${base}def make():\n    return Base("X")`, 'the class called with a literal'],
    [`${base}class C(Base):\n    def __init__(self):\n        Base.__init__(self, "C")`, 'the base __init__ called by hand'],
  ])('%s: %s', (source) => {
    expect(given(source)).toBe(true);
  });

  it.each([
    [base, 'never constructed'],
    [`${base}class A(Base):\n    def __init__(self, conf):\n        super().__init__(conf.name)\n\nclass B(Base):\n    def __init__(self):\n        super().__init__("B")`, 'one subclass passes a value'],
    [`${base}def make(request):\n    return Base(request.name)`, 'constructed with a value'],
    [`${base}FACTORIES = {"base": Base}\nBase("X")`, 'also named in a table'],
    [`${base}class A(Base):\n    def __init__(self, name):\n        name = name + "!"\n        super().__init__(name)`, 'a local rebound'],
  ])('%s: not (%s)', (source) => {
    expect(given(source)).toBe(false);
  });
});
