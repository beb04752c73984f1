import { callerSink } from '../../../src/rules/predicates/reaches-caller.js';
import { firstNode } from '../../helpers/parse.js';

/** The sink of the first `str(e)` call in the snippet. */
const sinkOf = (source: string) => {
  const { node: module, imports } = firstNode(source, 'module');
  const call = module.descendantsOfType('call').find((c) => c.text === 'str(e)')!;
  return callerSink(call, imports);
};

describe('reaches-caller', () => {
  it.each([
    ['def view(req):\n    return {"error": str(e)}\n', 'the response returned'],
    ['def view(request=None):\n    return str(e)\n', 'the response returned'],
    ['def view(request: Request):\n    return [str(e)]\n', 'the response returned'],
    ['@app.route("/x")\ndef view():\n    return "failed: " + str(e)\n', 'the response returned'],
    ['@bp.get("/x")\ndef view():\n    return dict(error=str(e))\n', 'the response returned'],
    ['def helper():\n    return {"error": str(e)}, 500\n', 'the response returned'],
    ['def helper():\n    return str(e), 404, {"Content-Type": "text/plain"}\n', 'the response returned'],
    ['def helper():\n    raise webob.exc.HTTPBadRequest(explanation=str(e))\n', 'webob.exc.HTTPBadRequest(...)'],
    ['def helper():\n    return jsonify(error=str(e))\n', 'jsonify(...)'],
    ['def helper():\n    resp = Response(_("failed: %s") % str(e), status=500)\n', 'Response(...)'],
  ])('%j sends str(e) to %s', (source, sink) => {
    expect(sinkOf(source)).toBe(sink);
  });

  it.each([
    'def helper(obj):\n    return str(e)\n',
    'def helper():\n    return {"error": str(e)}\n',
    'def view(req):\n    return record(str(e))\n',
    'def view(req):\n    LOG.error("failed: %s", str(e))\n',
    'def view(req):\n    msg = str(e)\n',
    'def view(req):\n    return str(e) == "x"\n',
    'def helper():\n    return (400, str(e), [])\n',
    'def helper():\n    return 502, str(e)\n',
  ])('%j does not', (source) => {
    expect(sinkOf(source)).toBeNull();
  });
});
