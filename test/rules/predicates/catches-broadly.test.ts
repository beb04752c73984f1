import { catchesBroadlyPredicate } from '../../../src/rules/predicates/catches-broadly.js';
import { firstNode } from '../../helpers/parse.js';

const broad = (clause: string) => {
  const { node, imports } = firstNode(`try:\n    run()\n${clause}\n    pass\n`, 'except_clause');
  return catchesBroadlyPredicate.test(node, true, { path: 'app.py', imports });
};

describe('catches-broadly', () => {
  it.each(['except:', 'except:  # noqa', 'except Exception:', 'except BaseException:', 'except Exception as e:', 'except (ValueError, Exception) as e:', 'except (OSError, BaseException):'])(
    '%s catches everything',
    (clause) => expect(broad(clause)).toBe(true),
  );

  it.each(['except ValueError:', 'except (OSError, IOError):', 'except exception.NotFound as e:', 'except MyException:'])('%s is narrow', (clause) => {
    expect(broad(clause)).toBe(false);
  });

  it('holds only on except clauses', () => {
    const { node, imports } = firstNode('x = Exception\n', 'identifier');
    expect(catchesBroadlyPredicate.test(node, true, { path: 'app.py', imports })).toBe(false);
  });
});
