# Semgrep test for egr106-ssh-host-key-not-verified: the cases of tests/fixtures/EGR106.py, with Semgrep's annotations.
import paramiko
import paramiko as pm
from paramiko import AutoAddPolicy, SSHClient
from paramiko import WarningPolicy as Warn
from paramiko.client import AutoAddPolicy as ClientAutoAdd

client = paramiko.SSHClient()
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(pm.client.WarningPolicy())
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(AutoAddPolicy())
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(Warn)
# ruleid: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(ClientAutoAdd())

POLICY = paramiko.AutoAddPolicy()
ssh = SSHClient()
# ruleid: egr106-ssh-host-key-not-verified
ssh.set_missing_host_key_policy(POLICY)


class Deployer:
    def __init__(self, host):
        self.ssh = paramiko.SSHClient()
        # ruleid: egr106-ssh-host-key-not-verified
        self.ssh.set_missing_host_key_policy(paramiko.RejectPolicy())
        self.ssh.connect(host, username="deploy")


def connect(ssh_client):
    # ruleid: egr106-ssh-host-key-not-verified
    ssh_client.set_missing_host_key_policy(paramiko.RejectPolicy())


# --- must not fire --------------------------------------------------------------------------------------
# ok: egr106-ssh-host-key-not-verified
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ok: egr106-ssh-host-key-not-verified
client.load_system_host_keys()


class AutoAddPolicy:  # noqa: F811 - a local class that shares the name
    pass


def unrelated(obj):
    # ok: egr106-ssh-host-key-not-verified
    obj.set_missing_host_key_policy(object())
