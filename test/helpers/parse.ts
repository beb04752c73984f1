import { ImportMap } from '../../src/analysis/import-map.js';
import { parsePython } from '../../src/analysis/python-parser.js';
import type { SyntaxNode } from '../../src/analysis/syntax.js';

/** Parses a snippet and returns the first node of `type` (depth-first), with the file's import map. */
export function firstNode(source: string, type: string): { node: SyntaxNode; imports: ImportMap } {
  const tree = parsePython(source);
  const imports = new ImportMap();
  for (const statement of tree.rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) imports.add(statement);
  const node = tree.rootNode.descendantsOfType(type)[0];
  if (!node) throw new Error(`no ${type} in ${source}`);
  return { node, imports };
}

/** The value expression of the last `x = <expr>` assignment in a snippet. */
export function assignedValue(source: string): { node: SyntaxNode; imports: ImportMap } {
  const { imports } = firstNode(source, 'module');
  const tree = parsePython(source);
  const assignments = tree.rootNode.descendantsOfType('assignment');
  const node = assignments[assignments.length - 1]!.childForFieldName('right')!;
  return { node, imports };
}

/** Every named node of the tree under `root`, `root` first, in document order. */
export function namedNodes(root: SyntaxNode): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    nodes.push(n);
    for (const c of n.namedChildren) visit(c);
  };
  visit(root);
  return nodes;
}
