from oslo_log import log as logging
from oslo_utils import strutils

from nova.compute import utils as compute_utils
from nova.notifications.objects import instance as instance_notification
from nova import rpc

LOG = logging.getLogger(__name__)


def _volume_payload(volume_id, connection_info):
    """A same-file helper: the connection info travels through its parameter into the payload."""
    payload = {"volume_id": volume_id}
    payload["connection_info"] = connection_info
    return payload


def _scrub(payload):
    return strutils.mask_dict_password(payload)


class ComputeManager(object):
    def __init__(self):
        self.notifier = rpc.get_notifier("compute")
        self.token_expiry = 3600
        self.password_policy = "strong"

    def attach_volume(self, context, instance, bdm):
        payload = _volume_payload(bdm.volume_id, bdm.connection_info)
        self.notifier.info(context, "volume.attach", payload)  # expect: DS209
        self.notifier.info(context, "volume.attach", _scrub(payload))  # ok: DS209 a same-file masking helper
        LOG.info("attached %s", bdm.volume_id)  # ok: DS209 a logger, not a notifier

    def detach_volume(self, context, instance, bdm):
        info = bdm.connection_info
        rpc.get_notifier("volume").error(  # expect: DS209
            context, "volume.detach.error",
            {"volume_id": bdm.volume_id, "connection_info": info})
        safe = strutils.mask_dict_password(info)
        rpc.get_notifier("volume").error(context, "volume.detach.error", {"info": safe})  # ok: DS209 masked with oslo_utils

    def set_admin_password(self, context, instance, new_pass):
        extra = {"admin_password": new_pass, "uuid": instance.uuid}
        compute_utils.notify_about_instance_usage(  # expect: DS209
            self.notifier, context, instance, "set_admin_password",
            extra_usage_info=extra)
        extra = {"password_length": len(new_pass), "uuid": instance.uuid}
        compute_utils.notify_about_instance_usage(  # ok: DS209 a length
            self.notifier, context, instance, "set_admin_password", extra_usage_info=extra)

    def resize(self, context, instance, new_pass):
        compute_utils.notify_about_instance_action(  # ok: DS209 only extra_usage_info= of the helpers is a payload
            context, instance, "resize", phase=new_pass)

    def rescue(self, context, instance, rescue_password):
        # nova's compute utils: the payload object is emitted as a versioned notification.
        password = rescue_password
        payload = instance_notification.InstanceActionRescuePayload(  # expect: DS209
            context=context, instance=instance, rescue_image_ref=password)
        instance_notification.InstanceActionRescueNotification(
            context=context, event_type="instance.rescue",
            payload=payload).emit(context)

    def usage(self, context, instance):
        self.notifier.info(context, "compute.usage",  # ok: DS209 not secrets
                           {"token_expiry": self.token_expiry, "password_policy": self.password_policy})
        has_password = instance.admin_pass is not None
        self.notifier.info(context, "compute.usage", {"password_set": has_password})  # ok: DS209 a boolean

    def rebuild(self, context, instance, admin_password):
        self.notifier.info(context, "compute.rebuild", {"admin_password": admin_password})  # expect: DS209 written in the call: no one-expression rule reports it


# --- held-out look-alike (masakari's and nova's exception wrapper): the call's arguments, cleansed
import inspect


def _cleanse_dict(original):
    """Strip all admin_password, new_pass, rescue_pass keys from a dict."""
    return {k: v for k, v in original.items() if "_pass" not in k}


def wrap_exception(notifier=None, get_notifier=None):
    def inner(f):
        def wrapped(self, context, *args, **kw):
            try:
                return f(self, context, *args, **kw)
            except Exception as e:
                payload = dict(exception=e)
                call_dict = inspect.getcallargs(f, self,
                                                context, *args, **kw)
                call_dict.pop('self', None)
                cleansed = _cleanse_dict(call_dict)
                payload.update({'args': cleansed})
                (notifier or get_notifier()).error(context,  # ok: DS209 the arguments cleansed of their password keys
                                                   f.__name__,
                                                   payload)
                raw = dict(exception=e, args=call_dict)
                (notifier or get_notifier()).error(context, f.__name__, raw)  # expect: DS209 the same arguments, not cleansed
                raise
        return wrapped
    return inner
