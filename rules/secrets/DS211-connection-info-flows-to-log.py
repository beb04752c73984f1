from oslo_log import log as logging
from oslo_utils import strutils

# --- request headers and bodies, signatures, digests, SNMP
import pecan
import requests


class ServersController(object):
    """Whole request bodies: a server create, rebuild or changePassword body holds `adminPass`."""

    def _action(self, req, id):
        LOG.debug("Action body: %s", req.body)  # expect: DS211 a whole request body
        LOG.debug("Action body size: %d", len(req.body))  # ok: DS211 a length
        LOG.debug("Action body: %s", strutils.mask_password(req.body))  # ok: DS211 masked

    def rebuild(self, req, id):
        body = req.json_body
        args = {"id": id, "body": body}
        LOG.info("Rebuilding %(id)s with %(body)s",  # expect: DS211 through a variable and a dict
                 args)
        LOG.info("Rebuilding %s to image %s", id, body["rebuild"]["imageRef"])  # ok: DS211 the image ref only

    def update(self, req, id):
        LOG.debug("Update of %s with %s", id, req.json_body["server"]["name"])  # ok: DS211 one field


def pecan_body():
    data = pecan.request.json
    LOG.warning("pecan request with %s", data)  # expect: DS211 pecan's request body


def send(session, url, payload):
    response = session.post(url, data=payload)
    text = "request %s %s" % (response.request.url, response.request.body)
    LOG.debug("sent %s", text)  # expect: DS211 a sent request's body: a login's carries the password
    reply = requests.get(url)
    LOG.debug("reply %s", reply.json())  # ok: DS211 a response, not a request body
    req = requests.post(url, data=payload)
    LOG.debug("backend said %s", req.text)  # ok: DS211 `req` is a response here; `.text` is not a request body source

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

    def prepare(self, task):
        node_dict = task.node.as_dict()
        LOG.debug("Preparing %(uuid)s: %(node)s",  # expect: DS211 the node serialised whole, driver_info included
                  {"uuid": task.node.uuid, "node": node_dict})
        LOG.debug("Preparing %s", node_dict["uuid"])  # ok: DS211 one field of it
        node_dict["driver_info"] = strutils.mask_dict_password(node_dict["driver_info"], "******")
        LOG.debug("Prepared %s", node_dict)  # ok: DS211 driver_info masked before
        LOG.info("Takeover of %s", _node_view(task.node))  # expect: DS211 through a helper
        LOG.info("Takeover of %s", task.node.as_dict(secure=True))  # ok: DS211 ironic's own masking


def _node_view(node):
    view = node.as_dict()
    view.pop("driver_internal_info", None)
    return view


# --- credentialed URLs, console URLs, image locations, user data
class ImageBackend(object):
    def clone(self, context, image_api, image_id):
        image_meta = image_api.get(context, image_id, include_locations=True)
        locations = image_meta["locations"]
        LOG.debug("Image locations are: %(locs)s", {"locs": locations})  # expect: DS211 an S3 location holds the store's keys
        LOG.debug("image %s has %d locations", image_id, len(locations))  # ok: DS211 a count
        for location in image_meta.get("locations", []):
            LOG.debug("trying %s",  # expect: DS211 each location's URL, through the loop
                      location["url"])
        return locations

    def direct(self, image_meta):
        direct_url = image_meta.direct_url
        msg = "cloning from %s" % direct_url
        LOG.info(msg)  # expect: DS211 the image's direct URL
        LOG.info("cloning %s", strutils.mask_password(direct_url))  # ok: DS211 masked

    def is_cloneable(self, image_location, image_meta):
        LOG.debug("%s is in a different ceph cluster", image_location)  # ok: DS211 an RBD URL or a path as often as not
        location = image_meta["provider_location"]
        LOG.debug("volume at %s", location)  # ok: DS211 `location` names a place


def build_config_drive(instance, node, configdrive_path):
    LOG.debug("Building config drive with user data %s",  # expect: DS211 cloud-init input may set passwords
              instance.user_data)
    LOG.debug("has user data: %s", bool(instance.user_data))  # ok: DS211 a boolean
    LOG.debug("config drive requested: %s", instance.config_drive)  # ok: DS211 nova's flag
    configdrive = node.instance_info.get("configdrive")
    details = {"node": node.uuid, "configdrive": configdrive}
    LOG.info("Writing config drive %(configdrive)s for node %(node)s", details)  # expect: DS211 ironic masks it in its API
    LOG.info("config drive written to %s", configdrive_path)  # ok: DS211 a path


from nova.virt import configdrive  # noqa: E402


def spawn(instance):
    LOG.debug("config drive required: %s", configdrive.required_by(instance))  # ok: DS211 nova's module's answer


def sort_image_locations(locations):
    """Shaped like glance's utils before LP#2095304: the sorted locations logged whole."""
    sorted_locations = sorted(locations, key=_store_weight, reverse=True)
    LOG.debug("Sorted locations: %s",  # expect: DS211 image locations, S3 keys in their URLs
              sorted_locations)
    return sorted_locations


def sort_image_locations_scrubbed(locations):
    """glance's fix: only each location's store name is logged."""
    sorted_locations = sorted(locations, key=_store_weight, reverse=True)
    scrubbed = []
    for loc in sorted_locations:
        scrubbed.append({"store_name": loc["metadata"].get("store")})
    LOG.debug("Sorted locations: %s", scrubbed)  # ok: DS211 a field of each location, its store name
    return sorted_locations


class ImageProxy(object):
    def set_data(self, data):
        for loc in self.image.locations:
            LOG.debug("Uploading to %s", loc)  # expect: DS211 one location, whole
        allocations = self.placement.get_allocations()
        LOG.debug("allocations: %s", allocations)  # ok: DS211 allocations are not image locations


def _store_weight(location):
    return 0


# --- redactions: the connection's secrets taken out, or written over, before it is logged
import copy  # noqa: E402

_CHAP_KEYS = ("auth_password", "discovery_auth_password")


class RedactingConnector(object):
    def connect_volume(self, connection_info):
        info = copy.deepcopy(connection_info)
        info["data"]["auth_password"] = "***"
        LOG.debug("Connecting volume with %s",  # ok: DS211 the CHAP secret overwritten
                  info)

    def disconnect_volume(self, connection_info, force=False):
        conn = dict(connection_info)
        del conn["data"]
        LOG.debug("Disconnecting %(conn)s force=%(force)s",  # ok: DS211 the protocol's data deleted whole
                  {"conn": conn, "force": force})

    def extend_volume(self, connection_info):
        shown = dict(connection_info); shown.pop("data", None)
        LOG.info("Extending %s", shown)  # ok: DS211 the data popped
        safe = copy.deepcopy(connection_info)
        for key in _CHAP_KEYS:
            if key in safe["data"]:
                safe["data"][key] = "***"
        LOG.info("Extending with %s", safe)  # ok: DS211 both CHAP secrets masked in a loop over constant keys

    def retype(self, connection_info, hidden_keys):
        safe = copy.deepcopy(connection_info)
        for key in hidden_keys:
            safe["data"].pop(key, None)
        LOG.info("Retyping with %s", safe)  # expect: DS211 the keys popped are not known

    def detach(self, connection_info, instance):
        info = copy.deepcopy(connection_info)
        info["data"]["target_lun"] = None
        LOG.debug("Detaching %s from %s", info, instance)  # expect: DS211 the LUN was blanked, not the secret

    def attach(self, connection_info, masked):
        info = copy.deepcopy(connection_info)
        if masked:
            info.pop("data", None)
        LOG.debug("Attaching %s", info)  # expect: DS211 redacted in one branch only

    def migrate(self, connection_info, new_password):
        info = dict(connection_info)
        info["data"]["auth_password"] = new_password
        LOG.debug("Migrating with %s", info)  # expect: DS211 the secret replaced by another, not by a constant

    def terminate(self, connection_info, connector):
        connection_info = copy.deepcopy(connection_info)
        connection_info["data"] = {}
        LOG.debug("Terminating %s for %s", connection_info, connector)  # ok: DS211 redacted in place
        return connection_info

    def power_on(self, node):
        info = dict(node.driver_info)
        info.pop("data", None)
        LOG.debug("Powering on with %s",  # expect: DS211 a node's driver info keeps its BMC password at the top, not under data
                  info)

    def finish(self, connection_info):
        connection_info.pop("serial", None)
        LOG.debug("Finished %s", connection_info)  # expect: DS211 popped in place, but not the data

    def initialize(self, connection_info):
        info = copy.deepcopy(connection_info)
        info["data"] = strutils.mask_dict_password(info["data"])
        LOG.debug("Initialized %s", info)  # ok: DS211 the data replaced by its masked copy
        copied = copy.deepcopy(connection_info)
        copied["data"] = dict(copied["data"])
        LOG.debug("Initialized %s", copied)  # expect: DS211 the data replaced by a plain copy of itself


def deploy_with_metadata(node, instance_info):
    # A deploy's metadata read by key: the user data a tenant wrote, with its passwords and keys.
    payload = instance_info["user_data"]
    LOG.debug("Deploying %s with %s", node.uuid, payload)  # expect: DS211 the tenant's user data
    drive = instance_info["configdrive"]
    LOG.debug("Config drive for %s: %s", node.uuid, drive)  # expect: DS211 the config drive holds the user data
    LOG.debug("Deploying %s with %d bytes of user data", node.uuid, len(payload))  # ok: DS211 a length


def show_attachment(request, messages, connection_info):
    # The details go to the admin's dashboard page through Django's messages framework, not to a log.
    details = dict(connection_info)
    messages.info(request, "Attached with %s" % details)  # ok: DS211 a message on the page, no logger
