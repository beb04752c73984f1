import { holdsNamePredicate } from '../../../src/rules/predicates/holds-name.js';
import { firstNode } from '../../helpers/parse.js';

const FLASK = ['flask.Blueprint', 'fastapi.APIRouter'];

const holds = (source: string, names: string[] = FLASK) => {
  const { node, imports } = firstNode(source, 'module');
  return holdsNamePredicate.test(node, names, { path: 'app.py', imports });
};

describe('holds-name', () => {
  it.each([
    ['import flask\nbp = flask.Blueprint("a", __name__)'],
    ['from flask import Blueprint\nbp = Blueprint("a", __name__)'],
    ['from flask import Blueprint as BP\nusers = BP("users", __name__)'],
    ['from fastapi import APIRouter\ndef make():\n    return APIRouter(prefix="/v1")'],
    ['import flask as f\nclass A:\n    kind = f.Blueprint'],
    ['from flask import Blueprint  # an import names it too'],
  ])('%j writes one of the names', (source) => {
    expect(holds(source)).toBe(true);
  });

  it.each([
    ['# flask.Blueprint("a", __name__)\nx = 1'],
    ['doc = "use flask.Blueprint"'],
    ['class APIRouter(object):\n    pass\nr = APIRouter()'],
    ['from cinder.api import openstack\nclass Versions(openstack.APIRouter):\n    pass'],
    ['import flask\nx = other.Blueprint'],
    ['import flask\napp = flask.Flask(__name__)'],
  ])('%j does not', (source) => {
    expect(holds(source)).toBe(false);
  });

  it('declares the names as its text condition, and checks its argument', () => {
    expect(holdsNamePredicate.condition!(FLASK)).toEqual({ kind: 'names', names: FLASK });
    expect(holdsNamePredicate.checkArg(FLASK)).toBeNull();
    expect(holdsNamePredicate.checkArg([])).toMatch(/takes/);
  });
});
