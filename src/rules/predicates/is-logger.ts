import type { ImportMap } from '../../analysis/import-map.js';
import { type SyntaxNode, unwrapParens } from '../../analysis/syntax.js';
import { expectTrue, type Predicate } from './predicate.js';

/** Names loggers go by: `LOG` (oslo_log's habit), `log`, `logger`, `LOGGER`, `_LOG`, `_logger`. */
export const LOGGER_NAME = /^_*(log|logger)$/i;

/** Modules whose functions log directly (`logging.warning(...)`). */
const LOGGING_MODULES = new Set(['logging']);

/** Calls that return a logger: stdlib, oslo_log (`from oslo_log import log as logging`) and adapters. */
const LOGGER_FACTORIES = new Set(['logging.getLogger', 'oslo_log.log.getLogger', 'logging.LoggerAdapter', 'oslo_log.log.KeywordArgumentAdapter']);

/**
 * True when `node` is a logger receiver: a logger-named variable, `self.log`/`self.logger` (any
 * object's logger-named attribute), the `logging` module resolved through imports, or a
 * `getLogger(...)` call. Names are matched on the local text because module loggers are assigned,
 * not imported, and the import map cannot see assignments.
 */
export function isLogger(node: SyntaxNode, imports: ImportMap): boolean {
  const n = unwrapParens(node);
  switch (n.type) {
    case 'identifier':
      return LOGGER_NAME.test(n.text) || LOGGING_MODULES.has(imports.resolveName(n.text));
    case 'attribute':
      return LOGGER_NAME.test(n.childForFieldName('attribute')?.text ?? '');
    case 'call': {
      const fn = n.childForFieldName('function');
      const name = fn ? imports.qualifiedName(fn) : null;
      return name !== null && LOGGER_FACTORIES.has(name);
    }
    default:
      return false;
  }
}

/** The capture is a logger: `LOG`, `logger`, `self.log`, the `logging` module, `logging.getLogger(...)`. */
export const isLoggerPredicate: Predicate = {
  name: 'is-logger',
  description:
    'The captured receiver is a logger: a variable or attribute named `LOG`, `log`, `logger`, `LOGGER`, `_LOG` (`self.log`, `self.logger`), the stdlib `logging` module resolved through imports, or a `getLogger(...)` call (stdlib or oslo_log).',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => isLogger(node, ctx.imports),
};
