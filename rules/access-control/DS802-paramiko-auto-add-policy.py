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
