import { isCodeConstantPredicate } from '../../../src/rules/predicates/is-code-constant.js';
import { assignedValue } from '../../helpers/parse.js';

/** The predicate on the value of the snippet's last assignment. */
const holds = (source: string) => {
  const { node, imports } = assignedValue(`${source}\n`);
  return isCodeConstantPredicate.test(node, true, { path: 'app.py', imports });
};

describe('is-code-constant', () => {
  it.each([
    'x = app_op.DOCKER_REGISTRY_SECRET',
    'x = AppOperator.DOCKER_REGISTRY_SECRET',
    'from sysinv.common import constants\nx = constants.SERVICE_PARAM_NAME_DRBD_SECRET',
    'MODE_SECRET = "secret"\nx = MODE_SECRET',
    'SECRETS = ("a", "b")\nx = SECRETS',
    'from sysinv.common.constants import KUBE_ROOTCA_CERT_SECRET\nx = KUBE_ROOTCA_CERT_SECRET',
    // Read in a `with` (not bound there): still the module's literal.
    'TOKEN_FILE = "/etc/token"\nwith open(TOKEN_FILE) as f:\n    pass\nx = TOKEN_FILE',
  ])('%j: an ALL_CAPS constant written in the code', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'import os\nTOKEN = os.environ["TOKEN"]\nx = TOKEN',
    'TOKEN = None\ndef load():\n    global TOKEN\n    TOKEN = read()\nx = TOKEN',
    'def f(TOKEN):\n    x = TOKEN',
    'from django.conf import settings\nx = settings.SECRET_KEY',
    'x = app.config.API_TOKEN',
    'x = CONF.ADMIN_PASSWORD',
    'from myapp.settings import SECRET_KEY\nx = SECRET_KEY',
    'with open(p) as TOKEN:\n    pass\nx = TOKEN',
    'x = admin_password',
    'x = self.admin_password',
    'x = get().PASSWORD',
  ])('%j: not', (source) => {
    expect(holds(source)).toBe(false);
  });
});
