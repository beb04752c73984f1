import { flowOf } from '../../../src/analysis/flow/file-flow.js';
import { parsePython } from '../../../src/analysis/python-parser.js';
import { stringValue } from '../../../src/analysis/string-literal.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';

/**
 * Traces the arguments of each `sink(...)` call in `source`. Sources: the call `source()`, a name
 * or attribute ending in `secret`, a `'password'` subscript or dict key, a string literal starting
 * `secret:`; `clean(...)` is a barrier;
 * a field read of a name source does not count. Returns, per sink line, the source's text and the
 * steps' labels with their lines, or null when nothing reaches it.
 */
export function traceSinks(source: string): Array<{ line: number; source: string; steps: string[] } | { line: number; source: null }> {
  const root = parsePython(source).rootNode;
  const flow = flowOf(root);
  const sinks = root.descendantsOfType('call').filter((c) => c.childForFieldName('function')?.text === 'sink');
  return sinks.map((sink) => {
    const line = sink.startPosition.row + 1;
    const path = flow.trace(sink.childForFieldName('arguments')!, { isSource, isBarrier });
    if (!path) return { line, source: null };
    return { line, source: path.source.text, steps: path.steps.map((s) => `${s.label}@${s.node.startPosition.row + 1}`) };
  });
}

function isSource(node: SyntaxNode, viaField: boolean): boolean {
  if (node.type === 'call') return node.childForFieldName('function')?.text === 'source';
  if (node.type === 'identifier' || node.type === 'attribute') return !viaField && /secret$/.test(node.text);
  if (node.type === 'subscript') return keyIsPassword(node.childForFieldName('subscript'));
  if (node.type === 'pair') return keyIsPassword(node.childForFieldName('key'));
  if (node.type === 'string') return stringValue(node)?.startsWith('secret:') ?? false;
  return false;
}

function keyIsPassword(key: SyntaxNode | null): boolean {
  return key?.type === 'string' && stringValue(key) === 'password';
}

function isBarrier(node: SyntaxNode): boolean {
  return node.type === 'call' && node.childForFieldName('function')?.text === 'clean';
}
