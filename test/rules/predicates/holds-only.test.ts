import { holdsOnlyPredicate } from '../../../src/rules/predicates/holds-only.js';
import type { SyntaxNode } from '../../../src/analysis/syntax.js';
import { firstNode } from '../../helpers/parse.js';

const SIGNALS = ['signal.*'];

/** Tests the left operand of the snippet's last comparison. */
const holds = (source: string, names: string[] = SIGNALS) => {
  const { node: module, imports } = firstNode(source, 'module');
  const comparisons = module.descendantsOfType('comparison_operator');
  const left = (comparisons[comparisons.length - 1] as SyntaxNode).namedChildren[0]!;
  return holdsOnlyPredicate.test(left, names, { path: 'manager.py', imports });
};

describe('holds-only', () => {
  it.each([
    ['import signal\nok = signal.SIG_DFL == sig'],
    ['import signal as sg\nok = (sg.SIGTERM) == sig'],
    ['from signal import SIG_DFL\nok = SIG_DFL == sig'],
    ['import signal\ndef f(graceful, other):\n    if graceful:\n        sig = signal.SIGHUP\n    else:\n        sig = signal.SIGTERM\n    return sig != other'],
    ['import signal\ndef f(other):\n    sig = signal.SIGHUP\n    s = sig\n    return s != other'],
    ['import signal\nDEFAULT = signal.SIGTERM\ndef f(other):\n    return DEFAULT == other'],
    ['import signal\ndef f(n, other):\n    sig = signal.Signals(n)\n    return sig == other'],
    // oslo.service's launcher: the signal chosen by a conditional expression.
    ['import signal\ndef f(self, other):\n    stop_signal = signal.SIGKILL if self.force else signal.SIGTERM\n    return stop_signal == other'],
    ['import signal\ndef f(self, other):\n    stop_signal = (signal.SIGKILL\n                   if self.force  # a comment\n                   else signal.SIGTERM)\n    return stop_signal == other'],
    ['import signal\ndef f(force, other):\n    return (signal.SIGKILL if force else signal.SIGTERM) == other'],
    ['import signal\ndef f(a, b, other):\n    sig = signal.SIGKILL if a else (signal.SIGHUP if b else signal.SIGTERM)\n    return sig == other'],
    ['import signal\ndef f(force, other):\n    sig = signal.SIGHUP\n    s = signal.SIGKILL if force else sig\n    return s == other'],
  ])('%j: holds only signals', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    ['def f(sig, other):\n    return sig == other'],
    ['import signal\ndef f(sig=signal.SIGTERM, other=None):\n    return sig == other'],
    ['import signal\ndef f(req, graceful, other):\n    if graceful:\n        sig = signal.SIGHUP\n    else:\n        sig = req.headers["X-Signature"]\n    return sig != other'],
    ['import signal\ndef f(req, other):\n    sig = signal.SIGHUP\n    sig = req.params["sig"]\n    return sig != other'],
    ['def f(other):\n    return SIG_DFL == other'],
    ['import signal\ndef f(req, other):\n    return req.signal == other'],
    ['import hmac\ndef f(k, m, other):\n    sig = hmac.new(k, m).hexdigest()\n    return sig == other'],
    // One branch of a conditional expression that is no signal is enough.
    ['import signal\ndef f(req, force, other):\n    sig = signal.SIGKILL if force else req.headers["X-Signature"]\n    return sig == other'],
    ['import signal\ndef f(req, force, other):\n    return (req.params["sig"] if force else signal.SIGTERM) == other'],
    ['import signal\ndef f(sent, a, b, other):\n    sig = signal.SIGKILL if a else (signal.SIGHUP if b else sent)\n    return sig == other'],
    // The condition is only what picks a branch: a signal there makes nothing a signal.
    ['import signal\ndef f(req, other):\n    sig = req.params["sig"] if signal.SIGTERM else req.params["s"]\n    return sig == other'],
  ])('%j: it does not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it.each([
    ['import zipfile\ndef f(p):\n    with zipfile.ZipFile(p) as zfd:\n        return zfd == 1', true],
    ['from zipfile import ZipFile\ndef f(p):\n    z = ZipFile(p)\n    return z == 1', true],
    ['import zipfile, tarfile\ndef f(p, z):\n    if z:\n        a = zipfile.ZipFile(p)\n    else:\n        a = tarfile.open(p)\n    return a == 1', false],
  ])('%j: a ZipFile on every path (%s)', (source, expected) => {
    expect(holds(source as string, ['zipfile.ZipFile'])).toBe(expected);
  });

  it('checks its argument', () => {
    expect(holdsOnlyPredicate.checkArg(['signal.*'])).toBeNull();
    expect(holdsOnlyPredicate.checkArg([])).toMatch(/takes/);
  });
});
