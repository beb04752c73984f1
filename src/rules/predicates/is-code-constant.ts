import { isCodeConstant } from '../../analysis/code-constant.js';
import { expectTrue, type Predicate } from './predicate.js';

/** The capture is an ALL_CAPS name or field whose value is written in the code (see isCodeConstant). */
export const isCodeConstantPredicate: Predicate = {
  name: 'is-code-constant',
  description:
    'The captured name or attribute is ALL_CAPS, so by convention a constant whose value is written in the code (`DOCKER_REGISTRY_SECRET`, `constants.MODE_SECRET`, `AppOperator.DOCKER_REGISTRY_SECRET`): a bare name the file binds only to literals (or imports from a module not named for settings), a field of a receiver not named for settings. Not `settings.SECRET_KEY`, `app.config.API_TOKEN`, `CONF.X`, nor `TOKEN` after `TOKEN = os.environ["TOKEN"]`.',
  checkArg: expectTrue,
  test: (node, _arg, ctx) => isCodeConstant(node, ctx.imports),
};
