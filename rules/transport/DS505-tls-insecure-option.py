from glanceclient import client as glance_client
from novaclient import client as nova_client
from oslo_config import cfg
from swiftclient import client as swift
from unittest import mock

CONF = cfg.CONF


def clients(endpoint, token, session):
    glance = glance_client.Client("2", endpoint, token=token, insecure=True)  # expect: DS505
    nova = nova_client.Client("2.1", session=session, insecure=True)  # expect: DS505
    conn = swift.Connection(
        preauthurl=endpoint,
        preauthtoken=token,
        insecure=True,  # expect: DS505
    )
    safe = glance_client.Client("2", endpoint, token=token, insecure=False)  # ok: DS505 verification on
    conf = glance_client.Client("2", endpoint, insecure=CONF.glance.insecure)  # ok: DS505 operator's choice in config
    checked = glance_client.Client("2", endpoint, cacert=CONF.glance.cafile)  # ok: DS505 CA bundle
    m = mock.Mock()
    m.assert_called_once_with(endpoint, insecure=True)  # ok: DS505 a mock assertion describes a call
    return glance, nova, conn, safe, conf, checked


class TestClients:
    def test_insecure(self):
        self.flags(insecure=True, group="cinder")  # ok: DS505 test config override

    def flags(self, **kw):
        return kw


def recover(db_api, states, wf_def):
    # mistral's database API: `insecure=True` lifts the project filter; no connection is made.
    paused = db_api.get_workflow_executions(
        state=states.PAUSED, insecure=True  # ok: DS505 a database query's keyword, not TLS
    )
    triggers = db_api.get_cron_triggers(insecure=True, workflow_id=wf_def.id)  # ok: DS505 not TLS
    return paused, triggers
