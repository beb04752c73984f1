import type Parser from 'tree-sitter';
import type { SyntaxNode } from '../syntax.js';
import { ChildIndex } from './child-index.js';
import { EnclosingNodes } from './enclosing-nodes.js';
import { fileText } from './file-text.js';
import { nameOccurrences } from './name-occurrences.js';
import { idOf, startOf } from './node-fields.js';

interface Step {
  statement: SyntaxNode;
  start: number;
  end: number;
  isClass: boolean;
  inner: SyntaxNode | null;
  innerStart: number;
  innerEnd: number;
}

/**
 * The functions and classes holding a node, found by descending from the module through class
 * bodies (each body's statements fetched once, then searched by position), and searching only
 * the one top-level function or statement reached for what is nested deeper: cheaper than
 * walking the node's parents, or than listing every function of the file.
 */
export class DefinitionIndex {
  private readonly children = new Map<number, ChildIndex>();
  private readonly steps = new Map<number, Step>();
  /** Reads the statements of module and class bodies (see ChildIndex). */
  private cursor: Parser.TreeCursor | null = null;
  /** Per statement of a module or class body, and per type: its nested nodes of that type (null: none but itself). */
  private readonly nested = new Map<string, EnclosingNodes | null>();
  /** The file's text, when it parsed without errors (see within); else null, and every statement is searched. */
  private text: string | null | undefined;
  /** outermostFunction's answers by node id: sources, sinks and the values a trace visits are asked about by several callers. */
  private readonly outermost = new Map<number, SyntaxNode | null>();

  constructor(private readonly root: SyntaxNode) {}

  /** The outermost function strictly holding `node` (a method, or a module-level function), or null. */
  outermostFunction(node: SyntaxNode): SyntaxNode | null {
    const key = idOf(node);
    let found = this.outermost.get(key);
    if (found === undefined) {
      const { stop } = this.locate(node);
      // A function of a module or class body is outermost: nothing nested in it need be listed.
      found = !stop ? null : stop.type === 'function_definition' ? stop : (this.within(stop, 'function_definition')?.outermost(node) ?? null);
      this.outermost.set(key, found);
    }
    return found;
  }

  /** The innermost function strictly holding `node`, or null. */
  innermostFunction(node: SyntaxNode): SyntaxNode | null {
    const { stop } = this.locate(node);
    if (!stop) return null;
    const functions = this.within(stop, 'function_definition');
    // No function nested in `stop`, which strictly holds the node: it is `stop` if a function.
    if (!functions) return stop.type === 'function_definition' ? stop : null;
    return functions.around(node);
  }

  /** The innermost class strictly holding `node`, or null. */
  innermostClass(node: SyntaxNode): SyntaxNode | null {
    const { classes, stop } = this.locate(node);
    return (stop ? (this.within(stop, 'class_definition')?.around(node) ?? null) : null) ?? classes[classes.length - 1] ?? null;
  }

  /**
   * Descends from the module through the class bodies that strictly hold `node`: the classes
   * passed, and the statement of the last body that strictly holds it (a function, or any other
   * statement; a decorated definition's definition), or null when none does.
   */
  private locate(node: SyntaxNode): { classes: SyntaxNode[]; stop: SyntaxNode | null } {
    const start = startOf(node);
    let end = -1;
    const holds = (s: number, e: number) => {
      // A node starting strictly inside a node's range lies inside it (ranges nest): no need of its end.
      if (s < start && start < e) return true;
      if (end < 0) end = node.endIndex;
      return s <= start && end <= e && (s !== start || e !== end);
    };
    const classes: SyntaxNode[] = [];
    let container = this.root;
    for (;;) {
      const kids = this.childrenOf(container);
      const i = kids.lastStartingBy(start);
      if (i < 0 || !holds(kids.starts[i]!, kids.endOf(i))) return { classes, stop: null };
      const step = this.stepOf(kids.node(i));
      // A node in a decorator, or in a class's name or bases, is held by no function of that body.
      if (!step.inner || !holds(step.innerStart, step.innerEnd)) {
        return { classes: step.isClass && holds(step.start, step.end) ? [...classes, step.statement] : classes, stop: null };
      }
      if (!step.isClass) return { classes, stop: step.inner };
      classes.push(step.statement);
      container = step.inner;
    }
  }

  /**
   * What the descent goes into from a statement of a body, read once per statement: a decorated
   * definition's definition, a class's body (`inner`, with its range), else the statement itself.
   */
  private stepOf(node: SyntaxNode): Step {
    const key = idOf(node);
    let step = this.steps.get(key);
    if (step) return step;
    const statement = node.type === 'decorated_definition' ? node.childForFieldName('definition') : node;
    const isClass = statement?.type === 'class_definition';
    const inner = isClass ? statement!.childForFieldName('body') : statement;
    const own = statement ?? node;
    step = { statement: own, start: startOf(own), end: own.endIndex, isClass, inner, innerStart: inner ? startOf(inner) : 0, innerEnd: inner?.endIndex ?? 0 };
    this.steps.set(key, step);
    return step;
  }

  private childrenOf(node: SyntaxNode): ChildIndex {
    const key = idOf(node);
    let found = this.children.get(key);
    if (!found) this.children.set(key, (found = new ChildIndex(node, (this.cursor ??= this.root.walk()))));
    return found;
  }

  /**
   * The functions (or classes) in one statement of a module or class body, itself included; null
   * when none but the statement itself can be there: its text holds the keyword (`def`, `class`)
   * of no other. Each such node holds its keyword, a token of its own; a file with syntax
   * errors (whose recovery may insert a missing keyword) is always searched.
   */
  private within(statement: SyntaxNode, type: 'function_definition' | 'class_definition'): EnclosingNodes | null {
    const key = `${idOf(statement)}:${type}`;
    let found = this.nested.get(key);
    if (found !== undefined) return found;
    if (this.text === undefined) this.text = this.root.hasError ? null : fileText(this.root);
    const keyword = type === 'function_definition' ? 'def' : 'class';
    const own = statement.type === type ? 1 : 0;
    // A keyword token is a whole word: its occurrences as words are a superset of its tokens.
    const nestedAny = this.text === null || nameOccurrences(this.text, keyword, startOf(statement), statement.endIndex).length > own;
    found = nestedAny ? new EnclosingNodes(statement, [type]) : null;
    this.nested.set(key, found);
    return found;
  }
}
