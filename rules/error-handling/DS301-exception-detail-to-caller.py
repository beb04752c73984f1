import traceback

import six
import webob.exc
from flask import Request, Response, jsonify

from nova import exception


def create(req):
    try:
        return do_create(req)
    except Exception as e:
        return {"error": str(e)}, 500  # expect: DS301


def show(req):
    try:
        return do_show(req)
    except Exception as err:
        return jsonify(error=repr(err))  # expect: DS301


def update(req):
    try:
        return do_update(req)
    except (ValueError, Exception) as ex:
        raise webob.exc.HTTPBadRequest(explanation=six.text_type(ex))  # expect: DS301


def delete(req):
    try:
        do_delete(req)
    except BaseException:
        return Response(traceback.format_exc(), status=500)  # expect: DS301


@app.route("/status")
def status():
    try:
        return check()
    except Exception as e:
        return f"failed: {e}"  # expect: DS301


def detail():
    try:
        return check()
    except Exception as e:
        return webob.exc.HTTPInternalServerError(explanation="failed: %s" % e)  # expect: DS301


def args(request: Request):
    try:
        return check()
    except Exception as e:
        return {"details": e.args}  # expect: DS301


def proxy():
    try:
        return forward()
    except Exception as e:
        return 502, str(e)  # ok: DS301 a status first: a helper's result (cinder's ds8k REST client, cloudpulse's wrappers)


def formatted(req):
    try:
        return check()
    except Exception as e:
        return {"error": "failed: {}".format(e)}  # expect: DS301


def describe(obj):
    try:
        return repr(obj)
    except Exception as e:
        return "unrepresentable object (%r)" % e  # ok: DS301 not a request handler: the text goes to Python code


def user_message(req):
    try:
        return do_create(req)
    except exception.InvalidInput as e:
        raise webob.exc.HTTPBadRequest(explanation=str(e))  # ok: DS301 a narrow catch of the project's own user-facing exception
    except Exception as e:
        raise webob.exc.HTTPBadRequest(explanation=e.format_message())  # ok: DS301 the user-facing message


def logged(req):
    try:
        return do_create(req)
    except Exception as e:
        LOG.error("create failed: %s", str(e))  # ok: DS301 logged, not returned
        LOG.debug(traceback.format_exc())  # ok: DS301 logged, not returned
        return {"error": "internal error"}, 500  # ok: DS301 a generic message


def consumed(req):
    try:
        return do_create(req)
    except Exception as e:
        return record_failure(str(e))  # ok: DS301 handed to another function, not to the caller


def shadowed(req, e):
    return str(e)  # ok: DS301 not bound by an except clause


def nested(req):
    try:
        return check()
    except Exception as e:

        def later():
            return str(e)  # ok: DS301 another function's return

        return later


class NovaHealthChecks(object):
    """cloudpulse's client wrappers: a status first, then the text, for the health check calling them."""

    def nova_service_list(self):
        try:
            service_list = self.novaclient.services.list()
        except Exception as e:
            return (400, e.message, [])  # ok: DS301 a helper's result: no framework takes a status first
        return (200, "success", service_list)

    def nova_service_list_body(self):
        try:
            return self.novaclient.services.list()
        except Exception as e:
            return {'error': str(e)}, 500  # expect: DS301 Flask's form: the body, then the status
