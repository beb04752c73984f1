import { parsePython } from '../../../src/analysis/python-parser.js';
import { inValueOf, inValueOfPredicate } from '../../../src/rules/predicates/in-value-of.js';

const EXAMPLE_KEYS = ['example', 'examples', 'json_schema_extra', 'schema_extra', 'openapi_examples'];

/** Whether the node reported for the literal `"SECRET"` (its pair or keyword, as DS204 reports) is in example data. */
const inExample = (source: string) => {
  const literal = parsePython(`${source}\n`).rootNode.descendantsOfType('string').find((s) => s.text === '"SECRET"')!;
  const reported = literal.parent!.type === 'pair' || literal.parent!.type === 'keyword_argument' ? literal.parent! : literal;
  return inValueOf(reported, EXAMPLE_KEYS);
};

describe('in-value-of', () => {
  it.each([
    ['model_config = {\n    "json_schema_extra": {\n        "examples": [\n            {"username": "admin", "password": "SECRET"},\n        ]\n    }\n}', "pydantic 2's examples"],
    ['class Model(BaseModel):\n    class Config:\n        schema_extra = {"example": {"password": "SECRET"}}', "pydantic 1's example, assigned"],
    ['def login(c=Body(..., example={"password": "SECRET"})):\n    pass', "FastAPI's example="],
    ['def login(c=Body(openapi_examples={"normal": {"summary": "s", "value": {"password": "SECRET"}}})):\n    pass', "FastAPI's named examples, nested"],
    ['model_config = ConfigDict(json_schema_extra={"examples": [dict(user="admin", password="SECRET")]})', 'a dict() call inside'],
    ['password: str = Field(..., examples=["SECRET"])', 'a list of examples'],
    ['examples = ({"password": ("SECRET")},)', 'a tuple and parentheses'],
    ['self.schema_extra = {"example": {"password": "SECRET"}}', 'an attribute assigned'],
  ])('%j is example data (%s)', (source) => {
    expect(inExample(source)).toBe(true);
  });

  it.each([
    ['creds = {"username": "admin", "password": "SECRET"}', 'an ordinary dict'],
    ['session = client.login({"password": "SECRET"})', 'a dict passed to a call'],
    ['extra = {"examples": client.login(password="SECRET")}', 'a call between the value and the key'],
    ['settings = {"example_url": "http://x", "auth": {"password": "SECRET"}}', 'beside an example key'],
    ['example_creds = {"password": "SECRET"}', 'a name that only contains example'],
    ['data = {"examples": "x", "password": "SECRET"}', 'a key beside the example'],
    ['examples = [x for x in {"password": "SECRET"}]', 'a comprehension between'],
    ['password = "SECRET"', 'a plain assignment'],
  ])('%j is not (%s)', (source) => {
    expect(inExample(source)).toBe(false);
  });

  it('counts a key inside example data, but a key is not labelled by itself', () => {
    const keys = parsePython('examples = {"SECRET": "x"}\nother = {"examples": "x"}\n').rootNode.descendantsOfType('string').filter((s) => s.parent!.type === 'pair' && s.parent!.childForFieldName('key')!.id === s.id);
    expect(keys.map((k) => inValueOf(k, EXAMPLE_KEYS))).toEqual([true, false]);
  });

  it('checks its argument', () => {
    expect(inValueOfPredicate.checkArg(EXAMPLE_KEYS)).toBeNull();
    expect(inValueOfPredicate.checkArg([])).toMatch(/takes/);
    expect(inValueOfPredicate.checkArg(true)).toMatch(/takes/);
  });
});
