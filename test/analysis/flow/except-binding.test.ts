import { flowOf } from '../../../src/analysis/flow/file-flow.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { traceSinks } from './trace-helper.js';

/** Traces `sink(...)`'s arguments with the name bound by `except … as` (the alias node itself) as the only source. */
function traceToAlias(source: string): { source: string; line: number; steps: string[] } | null {
  const root = parsePython(source).rootNode;
  const sink = root.descendantsOfType('call').find((c) => c.childForFieldName('function')?.text === 'sink')!;
  const isAlias = (node: SyntaxNode) => node.type === 'identifier' && node.parent?.type === 'as_pattern_target' && node.parent.parent?.parent?.type === 'except_clause';
  const path = flowOf(root).trace(sink.childForFieldName('arguments')!, { isSource: (node, viaField) => !viaField && isAlias(node), isBarrier: () => false });
  if (!path) return null;
  return { source: path.source.text, line: path.source.startPosition.row + 1, steps: path.steps.map((s) => `${s.label}@${s.node.startPosition.row + 1}`) };
}

describe('FileFlow.trace: the exception an except clause binds', () => {
  it('reaches the `as` name itself, so a rule can take the exception caught as a source', () => {
    expect(traceToAlias('def f():\n    try:\n        g()\n    except E as e:\n        sink(str(e))\n')).toEqual({ source: 'e', line: 4, steps: [] });
    const stepped = 'def f():\n    try:\n        g()\n    except E as e:\n        msg = "failed: %s" % e\n        sink(msg)\n';
    expect(traceToAlias(stepped)).toEqual({ source: 'e', line: 4, steps: ['msg@5'] });
  });

  it('keeps field reads as field reads, and goes no further than the binding', () => {
    expect(traceToAlias('def f():\n    try:\n        g()\n    except E as e:\n        sink(e.code)\n')).toBeNull();
    expect(traceToAlias('e = source()\n\ndef f():\n    try:\n        g()\n    except E as e:\n        sink(e)\n')).toMatchObject({ line: 6 });
  });

  it('does not take other bindings without a value (a nested def, a for key) for sources', () => {
    expect(traceToAlias('def f(d):\n    for k, v in d.items():\n        sink(k)\n')).toBeNull();
  });
});

describe('ScopeDefinitions: reads in raise, assert and del statements', () => {
  it('records them, so a value built before a raise is followed into it', () => {
    expect(traceSinks('def f():\n    msg = source()\n    raise sink(msg)\n')).toEqual([{ line: 3, source: 'source()', steps: ['msg@2'] }]);
    expect(traceSinks('def f():\n    msg = source()\n    assert x, sink(msg)\n')).toEqual([{ line: 3, source: 'source()', steps: ['msg@2'] }]);
    expect(traceSinks('def f():\n    msg = source()\n    raise E(reason=sink(msg))\n')).toEqual([{ line: 3, source: 'source()', steps: ['msg@2'] }]);
  });
});
