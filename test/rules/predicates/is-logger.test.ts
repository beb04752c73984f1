import { isLoggerPredicate } from '../../../src/rules/predicates/is-logger.js';
import { firstNode } from '../../helpers/parse.js';

/** Tests the receiver of the first method call in the snippet. */
const receiverIsLogger = (source: string) => {
  const { node, imports } = firstNode(source, 'call');
  const receiver = node.childForFieldName('function')!.childForFieldName('object')!;
  return isLoggerPredicate.test(receiver, true, { path: 'app.py', imports });
};

describe('is-logger', () => {
  it.each(['LOG.debug(x)', 'log.info(x)', 'logger.warning(x)', 'LOGGER.error(x)', '_LOG.exception(x)', '_logger.critical(x)', 'self.log.info(x)', 'self.logger.debug(x)', 'cls._LOG.warn(x)'])(
    '%s has a logger receiver',
    (source) => expect(receiverIsLogger(`${source}\n`)).toBe(true),
  );

  it('recognises the stdlib logging module through imports, and getLogger calls', () => {
    expect(receiverIsLogger('import logging\nlogging.info(x)\n')).toBe(true);
    expect(receiverIsLogger('import logging as lg\nlg.info(x)\n')).toBe(true);
    // The first call found is the outer `.debug(...)`, whose receiver is the getLogger call.
    expect(receiverIsLogger('import logging\nlogging.getLogger(__name__).debug(x)\n')).toBe(true);
    expect(receiverIsLogger('from oslo_log import log as logging\nlogging.getLogger(__name__).debug(x)\n')).toBe(true);
    expect(receiverIsLogger('make_logger(__name__).debug(x)\n')).toBe(false);
  });

  it.each(['cache.info(x)', 'self.catalog.debug(x)', 'blog.error(x)', 'logs.info(x)', 'dialog.warning(x)'])('%s is not a logger', (source) => {
    expect(receiverIsLogger(`${source}\n`)).toBe(false);
  });

  it('does not take oslo_log\'s module for a logger: it has no debug()', () => {
    expect(receiverIsLogger('from oslo_log import log as logging\nlogging.debug(x)\n')).toBe(false);
  });
});
