from oslo_log import log as logging
from oslo_utils import strutils

LOG = logging.getLogger(__name__)


def _target_properties(volume):
    """A same-file helper returning the connection data, CHAP secret included."""
    data = {"target_iqn": volume.iqn, "target_portal": volume.portal}
    data["auth_password"] = volume.chap_secret
    return data


class VolumeOps(object):
    def __init__(self, conf):
        self._node_driver_info = conf.driver_info

    def attach_iscsi(self, instance, connection_info):
        LOG.debug("_attach_volume_iscsi: %s", connection_info, instance=instance)  # expect: DS211
        LOG.debug("attaching %s", connection_info["serial"])  # ok: DS211 one field: DS205 judges it by its key
        LOG.debug("attaching %s", strutils.mask_dict_password(connection_info))  # ok: DS211 masked with oslo_utils

    def initialize_connection(self, volume, connector):
        connection_data = _target_properties(volume)
        properties = {"driver_volume_type": "iscsi", "data": connection_data}
        LOG.info("initialize_connection: %(props)s",  # expect: DS211
                 {"props": properties})
        LOG.info("initialized volume %s", volume.id)  # ok: DS211 an id
        return properties

    def describe(self, bdm):
        conn_info = bdm.connection_info
        detail = "bdm %s info %s" % (bdm.id, conn_info)
        LOG.warning(detail)  # expect: DS211 through two variables
        kind = conn_info["driver_volume_type"]
        LOG.warning("bdm %s kind %s", bdm.id, kind)  # ok: DS211 another field

    def power(self, node):
        info = self._node_driver_info
        LOG.error("power failed for %s", info)  # expect: DS211 through a self attribute
        LOG.error("power failed for %s", node.uuid)  # ok: DS211 the node's uuid

    def validate(self, node):
        LOG.debug("validating %s", node.driver_info)  # expect: DS211
        has_info = bool(node.driver_info)
        LOG.debug("driver_info set: %s", has_info)  # ok: DS211 a boolean
