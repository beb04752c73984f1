import paramiko
import paramiko as pm
from paramiko.client import AutoAddPolicy, RejectPolicy, WarningPolicy


def connect(host, known_hosts):
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())  # expect: DS802
    client.set_missing_host_key_policy(pm.AutoAddPolicy)  # expect: DS802
    client.set_missing_host_key_policy(AutoAddPolicy())  # expect: DS802
    client.set_missing_host_key_policy(WarningPolicy())  # expect: DS802
    client.set_missing_host_key_policy(paramiko.RejectPolicy())  # ok: DS802 rejects unknown keys
    client.set_missing_host_key_policy(RejectPolicy)  # ok: DS802 rejects unknown keys
    client.load_host_keys(known_hosts)  # ok: DS802 known hosts loaded
    client.set_missing_host_key_policy(PinnedPolicy(known_hosts))  # ok: DS802 project policy
    client.connect(host)
    return client


class PinnedPolicy(paramiko.MissingHostKeyPolicy):
    def __init__(self, path):
        self.path = path


class BrcdFCSanLookupService(object):
    def create_ssh_client(self, **kwargs):
        ssh_client = paramiko.SSHClient()
        known_hosts_file = kwargs.get('known_hosts_file', None)
        if known_hosts_file is None:
            ssh_client.load_system_host_keys()
        else:
            ssh_client.load_host_keys(known_hosts_file)
        missing_key_policy = kwargs.get('missing_key_policy', None)
        if missing_key_policy is None:
            missing_key_policy = paramiko.WarningPolicy()
        ssh_client.set_missing_host_key_policy(missing_key_policy)  # expect: DS802 WarningPolicy on one path
        return ssh_client

    def strict_client(self, known_hosts_file):
        policy = paramiko.RejectPolicy()
        client = paramiko.SSHClient()
        client.load_host_keys(known_hosts_file)
        client.set_missing_host_key_policy(policy)  # ok: DS802 rejects unknown keys, held in a name
        return client

    def pinned_client(self, known_hosts_file, policy=None):
        auto = AutoAddPolicy()
        auto = PinnedPolicy(known_hosts_file)
        client = paramiko.SSHClient()
        client.set_missing_host_key_policy(auto)  # ok: DS802 rebound to the project's pinned policy before use
        client.set_missing_host_key_policy(policy)  # ok: DS802 the caller's policy, unknown here
        return client
