import sys
import traceback

import falcon
import requests
import six
import webob
from flask import Flask, jsonify
from ironicclient import exc as ironic_exc
from openstack import exceptions as sdk_exc
from oslo_concurrency import processutils
from oslo_log import log as logging
from oslo_utils import encodeutils
from pecan import abort

from heat.api.aws import exception as aws_exc
from heat.common import exception as heat_exception
from heat.common import urlfetch
from heat.common.i18n import _LI
from heat.common.urlfetch import URLFetchError

from nova.api.openstack import wsgi
from nova.compute import utils as compute_utils
from nova import exception
from nova.i18n import _

LOG = logging.getLogger(__name__)
app = Flask(__name__)


class IronicDriver(object):
    def _wait_for_active(self, instance):
        node = self._validate_instance_and_node(instance)
        if node.provision_state == 'deploy failed':
            # ironic failed to deploy
            msg = (_("Failed to provision instance %(inst)s: %(reason)s")
                   % {'inst': instance.uuid, 'reason': node.last_error})
            raise exception.InstanceDeployFailure(msg)  # expect: DS303

    def rebuild(self, context, instance, node_uuid, configdrive_value):
        try:
            self.ironicclient.call("node.set_provision_state",
                                   node_uuid, 'rebuild',
                                   configdrive=configdrive_value)
        except (exception.NovaException,         # Retry failed
                ironic_exc.InternalServerError,  # Validations
                ironic_exc.BadRequest) as e:     # Maintenance
            msg = (_("Failed to request Ironic to rebuild instance "
                     "%(inst)s: %(reason)s") % {'inst': instance.uuid,
                                                'reason': str(e)})
            raise exception.InstanceDeployFailure(msg)  # expect: DS303

    def rescue(self, context, instance, rescue_password):
        def _wait_for_rescue():
            try:
                node = self._validate_instance_and_node(instance)
            except exception.InstanceNotFound as e:
                raise exception.InstanceRescueFailure(reason=str(e))  # ok: DS303 nova's own message, written for users

            if node.provision_state == 'rescue failed':
                raise exception.InstanceRescueFailure(  # expect: DS303
                          reason=node.last_error)

        try:
            self.ironicclient.call("node.set_provision_state",
                                   instance.node, 'rescue',
                                   rescue_password=rescue_password)
        except Exception as e:
            raise exception.InstanceRescueFailure(reason=str(e))  # expect: DS303

    def _plug_vif(self, node, port_id):
        try:
            self.ironicclient.call("node.vif_attach", node.uuid, port_id)
        except ironic_exc.BadRequest as e:
            msg = (_("Cannot attach VIF %(vif)s to the node %(node)s "
                     "due to error: %(err)s") % {
                         'vif': port_id,
                         'node': node.uuid, 'err': e})
            LOG.error(msg)
            raise exception.VirtualInterfacePlugException(msg)  # expect: DS303

    def _build_configdrive(self, instance, node):
        try:
            return self._generate_configdrive(instance, node)
        except Exception as e:
            reason = self._describe(e)
            raise exception.InstanceDeployFailure(reason=reason)  # expect: DS303

    def _describe(self, error):
        return "configdrive: %s" % error

    def _get_console(self, node_uuid):
        try:
            return self.ironicclient.call('node.get_console', node_uuid)
        except ironic_exc.InternalServerError as ex:
            err_msg = encodeutils.exception_to_unicode(ex)
            raise exception.ConsoleNotAvailable(reason=err_msg)  # expect: DS303

    def _set_instance_id(self, node, instance):
        try:
            self.ironic_connection.update_node(node, instance_id=instance.uuid)
        except sdk_exc.SDKException:
            msg = (_("Failed to reserve node %(node)s "
                     "when provisioning the instance %(instance)s")
                   % {'node': node.id, 'instance': instance.uuid})
            LOG.error(msg)
            raise exception.InstanceDeployFailure(msg)  # ok: DS303 a message of identifiers only

    def power_off(self, instance, node):
        try:
            self.ironicclient.call("node.set_power_state", node.uuid, 'off')
        except ironic_exc.ClientException as e:
            LOG.info("Failed to soft power off instance %(instance)s "
                     "due to error: %(reason)s.",
                     {'instance': instance.uuid, 'reason': e})  # ok: DS303 logged, not shown to users
            raise exception.InstancePowerOffFailure(  # ok: DS303 the class name, as OSSA-2019-003 records
                reason=e.__class__.__name__)


def _execute_build(cmd):
    try:
        return processutils.execute(*cmd)
    except processutils.ProcessExecutionError as exc:
        err = exc.stderr
        raise exception.BuildAbortException(  # expect: DS303
            instance_uuid=cmd[0], reason=_("build failed: %s") % err)


def _unshelve(context, instance, image_api, image_id):
    try:
        return image_api.get(context, image_id)
    except Exception as error:
        reason = _('Unshelve failed: %s') % error
        compute_utils.add_instance_fault_from_exc(  # expect: DS303
            context, instance, error, sys.exc_info(),
            fault_message=reason)
        compute_utils.add_instance_fault_from_exc(  # ok: DS303 nova records the class name of a foreign exception
            context, instance, error, sys.exc_info())
        _log_fault(instance, fault_message=reason)  # ok: DS303 a same-file helper that only logs it


def _log_fault(instance, fault_message):
    LOG.warning("Instance %(uuid)s: %(msg)s", {'uuid': instance.uuid, 'msg': fault_message})


def _reschedule(instance, driver):
    try:
        driver.spawn(instance)
    except Exception as error:
        detail = {'trace': traceback.format_exc()}
        raise exception.RescheduledException(  # expect: DS303
            instance_uuid=instance.uuid, reason=six.text_type(detail))
    except exception.NovaException as nova_error:
        raise exception.RescheduledException(  # ok: DS303 nova's own message, written for users
            instance_uuid=instance.uuid, reason=nova_error.format_message())


class ServersController(wsgi.Controller):
    def _action_rebuild(self, req, id, body):
        try:
            self.compute_api.rebuild(req.environ['nova.context'], id, body)
        except exception.InvalidInput as error:
            raise webob.exc.HTTPBadRequest(explanation=error.format_message())  # ok: DS303 user-facing text
        except (ironic_exc.Conflict, OSError) as error:
            explanation = "Rebuild failed: %s" % error
            raise webob.exc.HTTPConflict(explanation=explanation)  # expect: DS303

    def _parse_count(self, req, value):
        try:
            return int(value)
        except ValueError as error:
            msg = _("Invalid count: %s") % error
            raise webob.exc.HTTPBadRequest(explanation=msg)  # ok: DS303 a ValueError's text describes the value the user sent

    def show(self, req, id):
        try:
            return self._show(req, id)
        except Exception as e:
            raise webob.exc.HTTPInternalServerError(explanation=str(e))  # ok: DS303 DS301's line (written straight into the response)

    def detail(self, req):
        try:
            resp = self.session.get('/nodes/detail')
        except Exception:
            LOG.exception("listing nodes failed")
            raise webob.exc.HTTPServiceUnavailable()  # ok: DS303 a generic error
        if resp.status_code >= 400:
            abort(502, "Ironic said: %s" % resp.text)  # expect: DS303
        nodes = resp.json()
        return {'nodes': [n['uuid'] for n in nodes]}  # ok: DS303 fields of a successful reply, not an error

    def delete(self, req, id):
        try:
            self._delete(req, id)
        except Exception as e:
            error = {'message': _('Delete failed'), 'code': e.code}
            return error, 500  # ok: DS303 a status code read from the exception, not its text


def _console_failure(instance, node, e):
    reason = "console unavailable: %s" % e
    raise exception.ConsoleNotAvailable(reason=reason)  # ok: DS303 `e` is a parameter here, not an exception caught in this function


@app.route('/nodes/<uuid>/power', methods=['PUT'])
def set_power(uuid):
    try:
        conductor.set_power(uuid)
    except Exception as exc:
        body = {'error': 'power action failed',
                'detail': str(exc)}
        return jsonify(body), 500  # expect: DS303


class InventoryResource(object):
    def on_get(self, req, resp, uuid):
        reply = requests.get(INVENTORY_URL + uuid, timeout=10)
        if not reply.ok:
            response = reply
            raise falcon.HTTPBadGateway(  # expect: DS303
                title='inventory unavailable',
                description=response.text)
        resp.media = {'size': len(reply.content)}  # ok: DS303 not a sink: the length of a body


class DS8KClient(object):
    def _request(self, method, url):
        try:
            return self._session.request(method, url, timeout=30)
        except requests.exceptions.ConnectTimeout as e:
            msg = "Connection time out: %s" % e
            return 408, msg  # ok: DS303 a REST client's helper, not a request handler


# heat: the AWS-compatible API's errors serialise `detail=` into the error body.
class HeatStackController(object):
    def _get_template(self, req):
        url = req.params['TemplateUrl']
        try:
            return urlfetch.get(url)
        except IOError as exc:
            msg = _('Failed to fetch template: %s') % exc
            raise aws_exc.HeatInvalidParameterValueError(detail=msg)  # expect: DS303

    def describe(self, req, stack_name):
        try:
            return self.rpc_client.show_stack(req.context, stack_name)
        except Exception as err:
            reason = self._explain(err)
            return aws_exc.HeatInternalFailureError(  # expect: DS303
                detail=reason)

    def _explain(self, err):
        return 'stack lookup failed: %s' % six.text_type(err)

    def create(self, req, body):
        try:
            return self.rpc_client.create_stack(req.context, body)
        except heat_exception.HeatException as ex:
            raise aws_exc.AlreadyExistsError(detail=six.text_type(ex))  # ok: DS303 heat's own message, written for users
        except ValueError as ex:
            raise aws_exc.HeatInvalidParameterValueError(detail=six.text_type(ex))  # ok: DS303 the text describes the value sent
        except Exception:
            LOG.exception('stack create failed')
            raise aws_exc.HeatInternalFailureError(detail=_('Stack creation failed'))  # ok: DS303 a constant detail

    def update(self, req, body):
        try:
            return self.rpc_client.update_stack(req.context, body)
        except Exception as ex:
            LOG.error('update of %(stack)s failed: %(err)s',
                      {'stack': body['StackName'], 'err': ex})  # ok: DS303 logged, not shown to users
            raise aws_exc.HeatActionInProgressError(
                detail=_('Stack %s cannot be updated now') % body['StackName'])  # ok: DS303 the user's own stack name


# heat: a URL fetcher whose error is returned to the API user who gave the URL.
def fetch_template(url):
    try:
        resp = requests.get(url, stream=True, timeout=30)
        resp.raise_for_status()
        return resp.content
    except requests.exceptions.RequestException as ex:
        raise URLFetchError(_('Failed to retrieve template: %s') % ex)  # expect: DS303


def fetch_environment(url, allowed_schemes=('http', 'https')):
    try:
        return requests.get(url, timeout=30).text
    except (requests.exceptions.RequestException, OSError) as ex:
        raise urlfetch.URLFetchError(  # expect: DS303
            _('Failed to retrieve %(url)s: %(err)s') % {
                'url': url, 'err': ex})


def fetch_fixed(url):
    try:
        return requests.get(url, timeout=30).text
    except requests.exceptions.RequestException as ex:
        LOG.info(_LI('Failed to retrieve template: %s') % ex)  # ok: DS303 logged only
        raise URLFetchError(_('Failed to retrieve template from %s') % url)  # ok: DS303 the URL the user gave, not the error


# heat: the fault middleware serialises the dict `_error()` builds as the HTTP error body.
class Fault(object):
    def __init__(self, error):
        self.error = error


class FaultWrapper(object):
    def _error(self, ex):
        trace = None
        if isinstance(ex, heat_exception.HTTPExceptionDisguise):
            trace = ''.join(traceback.format_tb(ex.tb))
            ex = ex.exc
        return {'code': 500,
                'error': {'type': ex.__class__.__name__, 'traceback': trace}}

    def _summary(self, ex):
        return {'code': getattr(ex, 'code', 500),
                'error': {'type': ex.__class__.__name__}}

    def process_request(self, req):
        try:
            return req.get_response(self.application)
        except Exception as exc:
            return req.get_response(Fault(self._error(exc)))  # expect: DS303

    def process_quietly(self, req):
        try:
            return req.get_response(self.application)
        except Exception as exc:
            return req.get_response(Fault(self._summary(exc)))  # ok: DS303 the class name and a status code only


class PowerVMDriver(object):
    """nova-powervm: a failed migration flow wrapped for the compute manager's rollback."""

    def migrate_disk_and_power_off(self, flow, instance):
        try:
            flow.run(instance=instance)
        except Exception as e:
            raise exception.InstanceFaultRollback(e)  # ok: DS303 the manager raises `e` again: its own fault, not this text

    def finish_migration(self, flow, instance):
        try:
            flow.run(instance=instance)
        except Exception as e:
            raise exception.InstanceFaultRollback(  # ok: DS303 as above, by keyword
                inner_exception=e)

    def reboot(self, power, instance):
        try:
            power.power_on(instance)
        except Exception as e:
            raise exception.InstanceRebootFailure(  # expect: DS303 the text itself becomes the fault
                reason=six.text_type(e))


# Chameleon's portal: the blog's featured posts passed on once the blog answered 200.
from django.http import JsonResponse


def featured_posts(request, BLOG_URL, LOG):
    response = requests.get(f"{BLOG_URL}/featured", timeout=5)
    if response.status_code != 200:
        LOG.warning(f"Failed to fetch featured posts: {response.status_code}")
        return JsonResponse([], safe=False, status=500)
    featured = response.json()
    return JsonResponse(featured, safe=False)  # ok: DS303 the body of a successful answer: the blog's data


def featured_ok(request, BLOG_URL):
    resp = requests.get(f"{BLOG_URL}/featured", timeout=5)
    if resp.ok and resp.headers.get("content-type") == "application/json":
        return JsonResponse(resp.json(), safe=False)  # ok: DS303 read inside a test that the answer succeeded
    return JsonResponse({"error": resp.text}, status=502)  # expect: DS303 the failed answer's body


def featured_logged(request, BLOG_URL, LOG):
    response = requests.get(f"{BLOG_URL}/featured", timeout=5)
    if response.status_code != 200:
        LOG.warning("featured posts: %s", response.status_code)
    return JsonResponse(response.json(), safe=False)  # expect: DS303 the guard logs and goes on: the body may be an error


def featured_retried(request, BLOG_URL):
    response = requests.get(f"{BLOG_URL}/featured", timeout=5)
    if response.status_code not in (200, 201):
        return JsonResponse([], safe=False, status=500)
    response = requests.get(f"{BLOG_URL}/fallback", timeout=5)
    return JsonResponse({"posts": response.text})  # expect: DS303 a second request, not checked
