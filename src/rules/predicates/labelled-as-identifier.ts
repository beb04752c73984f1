import { idOf } from '../../analysis/flow/node-fields.js';
import type { ImportMap } from '../../analysis/import-map.js';
import { PERCENT_PLACEHOLDER, percentTemplateOf } from '../../analysis/percent-template.js';
import { stringValue } from '../../analysis/string-literal.js';
import { outermostParens, type SyntaxNode } from '../../analysis/syntax.js';
import { isLogger } from './is-logger.js';
import { expectTrue, type Predicate } from './predicate.js';

// python-openstackclient's `for i in parsed_args.credential: ... LOG.error(_("Failed to delete
// credentials with ID '%(credential)s': %(e)s"), {'credential': i, 'e': e})`: a secret-named value
// that the message itself says is an identifier or a name. What a constant template prints right
// before a placeholder says what fills it; `ID '%s'` is followed by an ID, not a credential.

/**
 * Text before a placeholder that labels it an identifier or a name: `ID '`, `id=`, `UUID: `,
 * `name or ID "` (or `\"`: escapes are left as written), or a field's name ending so (`credential_id=`).
 */
const IDENTIFIER_LABEL = /(?:^|[^A-Za-z0-9])(?:name or id|id or name|uuid|id|name)\s*[:=]?\s*(?:\\?['"])?$/i;

/**
 * Except a token's: keystone calls the token itself its ID (`token_id` is the X-Auth-Token value),
 * so `token ID %s` may well print the token.
 */
const TOKEN_ID_LABEL = /(?:^|[^A-Za-z0-9])tokens?[ _-]?(?:id|uuid)\s*[:=]?\s*(?:\\?['"])?$/i;

/** Logger methods whose arguments after the template fill it (`LOG.error(tmpl, a, b)`). */
const LOGGING_METHODS = new Set(['debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'fatal', 'log']);

interface Placeholder {
  /** The `%(key)s` key; undefined for a positional one. */
  key: string | undefined;
  labelled: boolean;
}

/** The placeholders of a `%` template in order (not `%%`), each with whether the text before it labels it an identifier. */
function placeholdersOf(template: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of template.matchAll(PERCENT_PLACEHOLDER)) {
    if (m[2] === '%') continue;
    const before = template.slice(0, m.index);
    out.push({ key: m[1], labelled: IDENTIFIER_LABEL.test(before) && !TOKEN_ID_LABEL.test(before) });
  }
  return out;
}

/** For the arguments of a logging call: the template and the arguments that fill it, in order; null when it is no logging call or any of them is unpacked. */
function loggingFills(args: SyntaxNode, imports: ImportMap): { template: string; fills: SyntaxNode[] } | null {
  const call = args.parent;
  const fn = call?.type === 'call' ? call.childForFieldName('function') : null;
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
  const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  if (!method || !LOGGING_METHODS.has(method) || !receiver || !isLogger(receiver, imports)) return null;
  const positional = args.namedChildren.filter((c) => c.type !== 'comment' && c.type !== 'keyword_argument');
  if (positional.some((c) => c.type === 'list_splat' || c.type === 'dictionary_splat')) return null;
  // `LOG.log(level, tmpl, *args)`: the level comes first.
  const at = method === 'log' ? 1 : 0;
  const written = positional[at];
  const template = written ? percentTemplateOf(written) : null;
  return template === null ? null : { template, fills: positional.slice(at + 1) };
}

/** For a `tmpl % right` whose right side is `node` (parentheses aside), the template; else null. */
function templateFormatting(node: SyntaxNode): string | null {
  const outer = outermostParens(node);
  const op = outer.parent;
  if (op?.type !== 'binary_operator' || op.childForFieldName('operator')?.type !== '%') return null;
  if (op.childForFieldName('right')?.id !== outer.id) return null;
  const left = op.childForFieldName('left');
  return left ? percentTemplateOf(left) : null;
}

/** The template a dict is the mapping of: `tmpl % {...}`, or a logging call's only argument after a template of `%(key)s` placeholders. */
function mappingTemplate(dict: SyntaxNode, imports: ImportMap): string | null {
  const formatted = templateFormatting(dict);
  if (formatted !== null) return formatted;
  const outer = outermostParens(dict);
  if (outer.parent?.type !== 'argument_list') return null;
  const logged = loggingFills(outer.parent, imports);
  if (!logged || logged.fills.length !== 1 || logged.fills[0]!.id !== outer.id) return null;
  return logged.template;
}

/** A dict entry `'key': value` whose key names only labelled placeholders of the template the dict fills. */
function entryLabelled(pair: SyntaxNode, imports: ImportMap): boolean {
  const keyNode = pair.childForFieldName('key');
  const key = keyNode?.type === 'string' ? stringValue(keyNode) : null;
  const dict = pair.parent;
  if (key === null || dict?.type !== 'dictionary') return false;
  const template = mappingTemplate(dict, imports);
  if (template === null) return false;
  const filled = placeholdersOf(template).filter((p) => p.key === key);
  return filled.length > 0 && filled.every((p) => p.labelled);
}

/** The positional placeholder a value fills, by its place among the fills; labelled or not. */
function positionLabelled(template: string, index: number): boolean {
  const positional = placeholdersOf(template).filter((p) => p.key === undefined);
  return positional[index]?.labelled ?? false;
}

/** A value filling a positional placeholder: a logging call's argument, `tmpl % value`, or an element of `tmpl % (a, b)`. */
function positionalLabelled(value: SyntaxNode, imports: ImportMap): boolean {
  const parent = value.parent;
  if (parent?.type === 'argument_list') {
    const logged = loggingFills(parent, imports);
    const index = logged ? logged.fills.findIndex((f) => f.id === value.id) : -1;
    if (!logged || index < 0) return false;
    // A lone argument to a template of `%(key)s` placeholders is a mapping: which entry is which is not known.
    if (placeholdersOf(logged.template).some((p) => p.key !== undefined)) return false;
    return positionLabelled(logged.template, index);
  }
  if (parent?.type === 'tuple') {
    const template = templateFormatting(parent);
    const elements = parent.namedChildren.filter((c) => c.type !== 'comment');
    if (template === null || elements.some((c) => c.type === 'list_splat')) return false;
    return positionLabelled(template, elements.findIndex((e) => e.id === value.id));
  }
  const template = templateFormatting(value);
  // `tmpl % value` fills one placeholder only when there is one: else value is a tuple.
  return template !== null && placeholdersOf(template).length === 1 && positionLabelled(template, 0);
}

/**
 * True when `node` fills a placeholder of a constant `%` template (a string or an implicit
 * concatenation, possibly in `_()`) that the text right before it labels an identifier or a name
 * (`ID '%(credential)s'`, `id=%s`, `UUID: %s`, `name or ID "%s"`; not a token's ID, see
 * TOKEN_ID_LABEL), and no other placeholder: as a
 * logging call's argument after the template, `tmpl % node`, an element of `tmpl % (a, node)`, or
 * a dict entry (or its value) whose key names the `%(key)s` placeholders of `tmpl % {...}` or
 * `LOG.error(tmpl, {...})`. Another use of the same name elsewhere is another node.
 */
export function labelledAsIdentifier(node: SyntaxNode, imports: ImportMap): boolean {
  // The flow rules ask of every value their traces visit, eight rules over the same values: once
  // per node, and not at all in a file with no label before a placeholder (most files).
  let answers = answered.get(imports);
  if (!answers) answered.set(imports, (answers = mayHoldLabel(node.tree.rootNode.text) ? new Map() : null));
  if (answers === null) return false;
  const key = idOf(node);
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = labelledAt(node, imports)));
  return answer;
}

/** Per file (its ImportMap), by node id; null for a file whose text has no labelled placeholder. */
const answered = new WeakMap<ImportMap, Map<number, boolean> | null>();

/** Characters between a label and its placeholder in the source: white space, `:`/`=`, quotes, escapes. */
const BETWEEN = new Set([' ', '\t', '\n', '\r', ':', '=', "'", '"', '\\']);

/**
 * True when `text` (a file's source) holds what IDENTIFIER_LABEL needs wherever it can hold: `id`
 * or `name` (any case) before a `%` or an f-string's `{`, with only BETWEEN characters between (`"with ID "`
 * `"'%(credential)s'"` across an implicit concatenation too). A scan from each `%` backwards: a
 * regex starting at every `id` of a file cost more than the predicate it spares.
 */
export function mayHoldLabel(text: string): boolean {
  for (const mark of ['%', '{']) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      let end = at;
      while (end > 0 && BETWEEN.has(text[end - 1]!)) end--;
      const word = text.slice(Math.max(0, end - 4), end).toLowerCase();
      if (word.endsWith('id') || word === 'name') return true;
    }
  }
  return false;
}

function labelledAt(node: SyntaxNode, imports: ImportMap): boolean {
  const value = outermostParens(node);
  const parent = value.parent;
  if (parent?.type === 'interpolation') return interpolationLabelled(parent);
  if (value.type === 'pair') return entryLabelled(value, imports);
  if (parent?.type === 'pair' && parent.childForFieldName('value')?.id === value.id) return entryLabelled(parent, imports);
  return positionalLabelled(value, imports);
}

/**
 * An f-string's field whose text right before labels it an identifier or a name (StarlingX's
 * `cmd += f' --set global.imagePullSecrets[0].name={image_pull_secret}'`: the Secret's name), with
 * no conversion or format spec; not a token's ID (see TOKEN_ID_LABEL).
 */
function interpolationLabelled(field: SyntaxNode): boolean {
  if (field.namedChildren.some((c) => c.type === 'type_conversion' || c.type === 'format_specifier')) return false;
  const before = field.previousSibling;
  if (before?.type !== 'string_content') return false;
  return IDENTIFIER_LABEL.test(before.text) && !TOKEN_ID_LABEL.test(before.text);
}

/** The captured value fills only placeholders its message template labels an identifier or a name. */
export const labelledAsIdentifierPredicate: Predicate = {
  name: 'labelled-as-identifier',
  description:
    'The captured value (or dict entry) fills a placeholder of a constant `%` message template (a string or implicit concatenation, possibly in `_()`) that the text right before it labels an identifier or a name — `ID \'%(credential)s\'`, `id=%s`, `UUID: %s`, `name or ID "%s"`, not `token ID %s` (keystone\'s token ID is the token) — and no unlabelled one: a logging call\'s argument after the template, `tmpl % value`, an element of `tmpl % (a, value)`, or an entry of `tmpl % {...}` / `LOG.error(tmpl, {...})` by its key; or an f-string\'s field the text right before labels so (`f"--set imagePullSecrets[0].name={secret}"`), with no conversion or format spec. Not `.format()`.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => labelledAsIdentifier(node, ctx.imports),
};
