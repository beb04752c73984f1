import { FingerprintIndex } from '../../src/findings/fingerprint.js';

describe('FingerprintIndex', () => {
  it('ignores white space and line position', () => {
    const a = new FingerprintIndex('app.py').next('DS101', '    subprocess.call(cmd, shell=True)');
    const b = new FingerprintIndex('app.py').next('DS101', 'subprocess.call(cmd,  shell=True)  ');
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('tells identical lines apart by occurrence', () => {
    const index = new FingerprintIndex('app.py');
    expect(index.next('DS101', 'x')).not.toBe(index.next('DS101', 'x'));
  });

  it('depends on rule, path and code', () => {
    const base = new FingerprintIndex('app.py').next('DS101', 'x');
    expect(new FingerprintIndex('app.py').next('DS102', 'x')).not.toBe(base);
    expect(new FingerprintIndex('other.py').next('DS101', 'x')).not.toBe(base);
    expect(new FingerprintIndex('app.py').next('DS101', 'y')).not.toBe(base);
  });
});
