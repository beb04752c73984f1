import { BINDERS, bindingTarget, boundNames } from './binding-target.js';
import type Parser from 'tree-sitter';
import type { ImportMap } from './import-map.js';
import { isScalarConstant } from './scalar-constant.js';
import { type SyntaxNode, writtenName } from './syntax.js';

// StarlingX's `LOG.info("Secret %s created" % app_op.DOCKER_REGISTRY_SECRET)`: an ALL_CAPS name is,
// by Python's convention, a constant, and one named for a secret most often holds a name (of a
// Kubernetes Secret, a parameter, a mode), not a secret. Even a password written in the code
// reveals nothing more in a log than the code itself does (hard-coding it is DS204's finding).

/** An ALL_CAPS name: `DOCKER_REGISTRY_SECRET`, `_MODE_SECRET`, `PASSWORD`. */
const CONSTANT_NAME = /^_*[A-Z][A-Z0-9]*(?:_+[A-Z0-9]+)*_*$/;

/**
 * Receivers whose ALL_CAPS fields are settings read at run time, not constants: Django's
 * `settings.SECRET_KEY`, Flask's `app.config`, a `conf`/`cfg` object, the environment.
 */
const SETTINGS_RECEIVER = /(?:^|_)(?:settings|conf|config|cfg|environ|env)$/i;

/** Modules whose names hold settings (`from myapp.settings import SECRET_KEY`). */
const SETTINGS_MODULE = /(?:^|[._])(?:settings|conf|config|cfg)(?:$|[._])/i;

const BINDING_NODES = [...BINDERS, 'parameters', 'lambda_parameters'];

const literalOnly: WeakMap<Parser.Tree, Map<string, boolean>> = new WeakMap();

/** A literal, or a tuple or list of literals (`SECRETS = ('a', 'b')`). */
function isLiteral(value: SyntaxNode): boolean {
  if (isScalarConstant(value)) return true;
  if (value.type !== 'tuple' && value.type !== 'list' && value.type !== 'parenthesized_expression') return false;
  return value.namedChildren.every((c) => c.type === 'comment' || isLiteral(c));
}

/**
 * Per ALL_CAPS name bound in the file, whether every binding gives it a literal (a parameter or a
 * loop does not); one walk per tree, however many names are asked about.
 */
function literalBindings(tree: Parser.Tree): Map<string, boolean> {
  let found = literalOnly.get(tree);
  if (found) return found;
  literalOnly.set(tree, (found = new Map()));
  for (const binder of tree.rootNode.descendantsOfType(BINDING_NODES)) {
    const parameters = binder.type === 'parameters' || binder.type === 'lambda_parameters';
    const target = parameters ? binder : bindingTarget(binder);
    if (!target) continue;
    const names = parameters ? target.descendantsOfType('identifier') : boundNames(target);
    const right = !parameters && binder.type === 'assignment' && target.type === 'identifier' ? binder.childForFieldName('right') : null;
    const literal = right !== null && isLiteral(right);
    for (const n of names) {
      if (!CONSTANT_NAME.test(n.text)) continue;
      found.set(n.text, (found.get(n.text) ?? true) && literal);
    }
  }
  return found;
}

/** Whether every binding of `name` in the file gives it a literal (none counts: it is imported). */
function boundToLiteralsOnly(tree: Parser.Tree, name: string): boolean {
  return literalBindings(tree).get(name) ?? true;
}

/**
 * True for an ALL_CAPS name or field (`DOCKER_REGISTRY_SECRET`, `constants.MODE_SECRET`,
 * `AppOperator.DOCKER_REGISTRY_SECRET`) whose value is written in the code: a bare name that the
 * file binds only to literals or imports from a module not named for settings, a field of a
 * receiver not named for settings. Not `settings.SECRET_KEY`, `app.config.API_TOKEN`, nor
 * `TOKEN` after `TOKEN = os.environ['TOKEN']`.
 */
export function isCodeConstant(node: SyntaxNode, imports: ImportMap): boolean {
  if (node.type === 'identifier') {
    if (!CONSTANT_NAME.test(node.text)) return false;
    const resolved = imports.resolveName(node.text);
    if (resolved !== node.text && SETTINGS_MODULE.test(resolved.slice(0, resolved.lastIndexOf('.') + 1))) return false;
    return boundToLiteralsOnly(node.tree, node.text);
  }
  if (node.type !== 'attribute') return false;
  const field = node.childForFieldName('attribute')?.text;
  const receiver = node.childForFieldName('object');
  if (!field || !receiver || !CONSTANT_NAME.test(field)) return false;
  // The receiver's last name: `settings` of `django.conf.settings`, `config` of `app.config`.
  const owner = writtenName(receiver);
  if (owner === null || SETTINGS_RECEIVER.test(owner)) return false;
  const qualified = imports.qualifiedName(receiver);
  return qualified === null || !SETTINGS_MODULE.test(qualified);
}
