import traceback

import six
from oslo_log import log as logging

from nova import exception
from nova.i18n import _
from nova import utils

LOG = logging.getLogger(__name__)


# nova/compute/utils.py before OSSA-2019-003: callers store the dict as the instance fault, whose
# `message` the server's owner reads.
def exception_to_dict(fault, message=None):
    """Converts exceptions to a dict for use in notifications."""
    # TODO(johngarbutt) move to nova/exception.py to share with wrap_exception

    code = 500
    if hasattr(fault, "kwargs"):
        code = fault.kwargs.get('code', 500)

    # get the message from the exception that was thrown
    # if that does not exist, use the name of the exception class itself
    try:
        if not message:
            message = fault.format_message()
    # These exception handlers are broad so we don't fail to log the fault
    # just because there is an unexpected error retrieving the message
    except Exception:
        try:
            message = six.text_type(fault)
        except Exception:
            message = None
    if not message:
        message = fault.__class__.__name__
    # NOTE(dripton) The message field in the database is limited to 255 chars.
    # MySQL silently truncates overly long messages, but PostgreSQL throws an
    # error if we don't truncate it.
    u_message = utils.safe_truncate(message, 255)
    fault_dict = dict(exception=fault)
    fault_dict["message"] = u_message
    fault_dict["code"] = code
    return fault_dict  # expect: DS305


def _get_fault_details(exc_info, error_code):
    details = ''
    if exc_info and error_code == 500:
        details = ''.join(traceback.format_exception(
            exc_info[0], exc_info[1], exc_info[2]))
    return six.text_type(details)  # ok: DS305 not a builder: the traceback goes to `details`, which only admins see


class GrizzlyComputeUtils(object):
    """The builder as nova 2013 had it: Python 2, truncated by slicing."""

    @staticmethod
    def exception_to_dict(fault):
        code = 500
        if hasattr(fault, "kwargs"):
            code = fault.kwargs.get('code', 500)
        try:
            message = fault.format_message()
        except Exception:
            try:
                message = unicode(fault)
            except Exception:
                message = None
        if not message:
            message = fault.__class__.__name__
        u_message = unicode(message)[:255]
        return {'exception': fault,  # expect: DS305
                'message': u_message,
                'code': code}


class FormattingComputeUtils(object):
    """Builders that format the exception into their message."""

    def exception_to_dict(self, fault, message=None):
        if message is None:
            message = _('Error: %(err)s (%(cls)s)') % {
                'err': fault,
                'cls': fault.__class__.__name__,
            }
        return dict(message=message[:255], code=500)  # expect: DS305

    def exception_to_dict_v2(self, exc):
        return {'message': "%s" % exc}  # ok: DS305 not a builder the rule lists

    def summary(self, exc):
        text = "{}: {}".format(exc.__class__.__name__, exc)
        return {'message': text}  # ok: DS305 not a builder: what it returns is not known to reach users


class QueensComputeUtils(object):
    @staticmethod
    def exception_to_dict(fault, message=None):
        code = getattr(fault, 'code', 500)
        if not message:
            message = f"{fault.__class__.__name__}: {fault}"
        return {'message': utils.safe_truncate(message, 255),  # expect: DS305
                'code': code}


class RockyComputeUtils(object):
    @staticmethod
    def exception_to_dict(fault, message=None):
        try:
            message = message or fault.format_message()
        except Exception as e:
            LOG.debug("format_message failed: %s", e)
            return {'message': "%s: %s" % (fault.__class__.__name__, e),  # expect: DS305
                    'code': 500}
        return {'message': message, 'code': getattr(fault, 'code', 500)}  # ok: DS305 the caller's message or the user-facing text


class TrainComputeUtils(object):
    """The fixed builder (OSSA-2019-003) and look-alikes of it."""

    @staticmethod
    def exception_to_dict(fault, message=None):
        code = 500
        if hasattr(fault, "kwargs"):
            code = fault.kwargs.get('code', 500)
        try:
            if not message:
                message = fault.format_message()
        except Exception:
            message = fault.__class__.__name__
        u_message = utils.safe_truncate(message, 255)
        fault_dict = dict(exception=fault)
        fault_dict["message"] = u_message
        fault_dict["code"] = code
        return fault_dict  # ok: DS305 the user-facing text or the class name; the exception object is kept beside them, not its text


class LoggingComputeUtils(object):
    @staticmethod
    def exception_to_dict(fault, message=None):
        LOG.debug("Fault %s", six.text_type(fault))
        if message is None:
            message = six.text_type(message)
        return {'message': utils.safe_truncate(message, 255)}  # ok: DS305 the exception's text is logged; the message is the caller's


class EventComputeUtils(object):
    @staticmethod
    def exception_to_dict(fault, message=None):
        values = {'message': fault.__class__.__name__}
        values['details'] = six.text_type(fault)
        return values['message']  # ok: DS305 only the class name is returned


class NovaOnlyComputeUtils(object):
    @staticmethod
    def exception_to_dict(fault, message=None):
        try:
            fault.format_message()
        except exception.NovaException as e:
            return {'message': six.text_type(e)}  # ok: DS305 nova's own exception: its message is written for users
        return {'message': fault.__class__.__name__}  # ok: DS305 the class name


class FormattingComputeUtils(object):
    @staticmethod
    def exception_to_dict(fault, message=None):
        text = "{}: {}".format(fault.__class__.__name__, fault)
        return {'message': utils.safe_truncate(text, 255)}  # expect: DS305 the exception's text through format()
