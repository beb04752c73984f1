import { isCredentialedUrlPredicate } from '../../../src/rules/predicates/is-credentialed-url.js';
import { assignedValue } from '../../helpers/parse.js';
import { ImportMap } from '../../../src/analysis/import-map.js';
import { parsePython } from '../../../src/analysis/python-parser.js';

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

describe('is-credentialed-url: a template whose password slot is filled where it is written', () => {
  const template = (source: string) => {
    const root = parsePython(source).rootNode;
    const node = root.descendantsOfType('string').find((s) => s.text.includes('://'))!;
    return isCredentialedUrlPredicate.test(node, true, { path: 'app.py', imports: new ImportMap() });
  };

  it.each([
    ['a mask, by %', 'x = "https://%s:%s@%s/" % (user, "*****", host)'],
    ['None, by %', 'x = "https://%s:%s@%s/" % (user, None, host)'],
    ['a mask after an escaped %%', 'x = "%%https://%s:%s@%s/" % (user, "", host)'],
    ['a mask, by a named slot', 'x = "mysql://%(u)s:%(p)s@%(h)s" % {"u": user, "p": "***", "h": host}'],
    ['a mask, by .format', 'x = "https://{}:{}@{}/".format(user, "xxx", host)'],
    ['a mask, by a numbered .format slot', 'x = "https://{0}:{1}@{2}/".format(user, "", host)'],
    ['a mask, by a named .format slot', 'x = "https://{u}:{p}@{h}/".format(u=user, p="***", h=host)'],
    ['a parameter named for a secret, by %', 'def url(user, password, host):\n    return "https://%s:%s@%s/" % (user, password, host)\n'],
    ['a parameter named for a secret, in an f-string', 'def url(user, password, host):\n    return f"https://{user}:{password}@{host}/"\n'],
  ])('is not a source itself when filled with %s', (_, source) => {
    expect(template(source)).toBe(false);
  });

  it.each([
    ['a name', 'x = "https://%s:%s@%s/" % (user, pw, host)'],
    ['a parameter not named for a secret', 'def url(user, pw, host):\n    return "https://%s:%s@%s/" % (user, pw, host)\n'],
    ['a secret-named name that is no parameter', 'def url(user, host):\n    return "https://%s:%s@%s/" % (user, password, host)\n'],
    ['a literal password', 'x = "https://%s:%s@%s/" % (user, "hunter2", host)'],
    ['a mask in another slot', 'x = "https://%s:%s@%s/" % ("***", pw, host)'],
    ['nothing it can tell (a tuple built elsewhere)', 'x = "https://%s:%s@%s/" % parts'],
    ['.format with a splat', 'x = "https://{}:{}@{}/".format(*parts)'],
  ])('still is when filled with %s', (_, source) => {
    expect(template(source)).toBe(true);
  });
});
