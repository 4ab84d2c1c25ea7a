# Semgrep test for egr106-ssh-host-key-not-verified, written by tools/semgrep_tests.py from tests/fixtures/EGR106.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR106 (SSH server not authenticated).
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


# --- SSH beyond SSHClient ------------------------------------------------------------------------------
import asyncssh
import fabric
import netmiko
import pysftp
from ncclient import manager

# ruleid: egr106-ssh-host-key-not-verified
deploy = fabric.Connection("web1.example.com", user="deploy")


async def run_remote(host):
    # ruleid: egr106-ssh-host-key-not-verified
    async with asyncssh.connect(host, known_hosts=None) as conn:
        return await conn.run("uptime")


sftp_options = pysftp.CnOpts()
# ruleid: egr106-ssh-host-key-not-verified
sftp_options.hostkeys = None
# ruleid: egr106-ssh-host-key-not-verified
router = netmiko.ConnectHandler(device_type="cisco_ios", host="r1.example.com", username="ops")
# ruleid: egr106-ssh-host-key-not-verified
netconf = manager.connect(host="r1.example.com", port=830, username="ops", hostkey_verify=False)


async def run_checked(host):
    # ok: egr106-ssh-host-key-not-verified
    async with asyncssh.connect(host) as conn:
        return await conn.run("uptime")


# ok: egr106-ssh-host-key-not-verified
strict_router = netmiko.ConnectHandler(device_type="cisco_ios", host="r1.example.com", ssh_strict=True)
# ok: egr106-ssh-host-key-not-verified
checked_netconf = manager.connect(host="r1.example.com", port=830, username="ops")
# ok: egr106-ssh-host-key-not-verified
checked_sftp = pysftp.CnOpts(knownhosts="/etc/ssh/ssh_known_hosts")


# --- fabric told to reject unknown host keys afterwards ------------------------------------------------------
# ok: egr106-ssh-host-key-not-verified
checked_deploy = fabric.Connection("web2.example.com", user="deploy")
checked_deploy.client.load_system_host_keys()
checked_deploy.client.set_missing_host_key_policy(paramiko.RejectPolicy())


def run_checked_fabric(host):
    # ok: egr106-ssh-host-key-not-verified
    with fabric.Connection(host) as conn:
        conn.client.set_missing_host_key_policy(paramiko.RejectPolicy())
        return conn.run("uptime")


# --- the other entry points of asyncssh, ncclient and netmiko ---------------------------------------------------
from netmiko import BaseConnection


async def run_reverse(host):
    # ruleid: egr106-ssh-host-key-not-verified
    options = asyncssh.SSHClientConnectionOptions(known_hosts=None, username="ops")
    # ruleid: egr106-ssh-host-key-not-verified
    async with asyncssh.connect_reverse(host, known_hosts=None) as conn:
        return await conn.run("uptime"), options


async def run_reverse_checked(host):
    # ok: egr106-ssh-host-key-not-verified
    options = asyncssh.SSHClientConnectionOptions(known_hosts="/etc/ssh/ssh_known_hosts", username="ops")
    return options


# ruleid: egr106-ssh-host-key-not-verified
netconf_ssh = manager.connect_ssh(host="r3.example.com", username="ops", hostkey_verify=False)
# ruleid: egr106-ssh-host-key-not-verified
switch = BaseConnection(host="s1.example.com", username="ops")
# ok: egr106-ssh-host-key-not-verified
checked_netconf_ssh = manager.connect_ssh(host="r3.example.com", username="ops", hostkey_verify=True)
# ok: egr106-ssh-host-key-not-verified
strict_switch = BaseConnection(host="s1.example.com", username="ops", ssh_strict=True)
