import { isCredentialedUrlPredicate } from '../../../src/rules/predicates/is-credentialed-url.js';
import { assignedValue } from '../../helpers/parse.js';

const holds = (source: string) => {
  const { node, imports } = assignedValue(source);
  return isCredentialedUrlPredicate.test(node, true, { path: 'app.py', imports });
};

const credentialed = [
  'x = "rabbit://nova:s3cret@mq.internal:5672/"',
  "x = 'mysql+pymysql://nova:pw@db/nova?charset=utf8'",
  'x = r"swift+https://account:key@auth.example.com/v1"',
  'x = "amqp://%s:%s@%s/"',
  'x = "%s://%s:%s@%s"',
  'x = "mysql://%(user)s:%(password)s@%(host)s/nova"',
  'x = "rabbit://{}:{}@{}"',
  'x = f"{scheme}://{user}:{pw}@{host}/"',
];

describe('is-credentialed-url', () => {
  it.each(credentialed)('%j is one URL with a password part', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    'x = "mysql://nova:***@db/nova"',
    'x = "rabbit://guest:xxx@mq"',
    'x = "mysql://user:<password>@host/nova"',
    'x = "mysql://user:$PASS@host/nova"',
    'x = "e.g. mysql://user:pass@host/nova"',
    'x = "mysql://user:pass@host/nova is the default"',
    'x = "http://controller:5000/v3"',
    'x = "tcp://10.0.0.1:2000"',
    'x = "ssh://host/path"',
    'x = "user:pw@host"',
    'x = "git@github.com:org/repo.git"',
    'x = "rabbit://" + user + ":" + pw + "@" + host',
    'x = b"amqp://guest@mq"',
    'x = url',
  ])('%j is not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('declares text that every string it holds for contains, as written', () => {
    const condition = isCredentialedUrlPredicate.condition!(true);
    expect(condition).toMatchObject({ kind: 'regex' });
    const regex = new RegExp((condition as { source: string }).source, (condition as { flags: string }).flags);
    for (const source of credentialed) expect(regex.test(source)).toBe(true);
    expect(regex.test('x = "http://controller:5000/v3"')).toBe(false);
  });
});
