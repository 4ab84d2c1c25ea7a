"""EGR106: an SSH client that accepts any server key."""
from ...analysis.values import CallResult, Ref, options
from ...diagnostics import Fix
from ...libraries import paramiko as paramiko_table
from ...libraries.spec import Arg
from ...analysis.tls import weakenings
from ...libraries.spec import HOST_KEY
from ...rule import Invalid, Rule, Valid


class SshHostKeyNotVerified(Rule):
    code = "EGR106"
    slug = "ssh-host-key-not-verified"
    family = "tls-verify"
    weakens_tls = True
    cwe = (322,)
    summary = "SSH server not authenticated (AutoAddPolicy / WarningPolicy)"
    hint = "load known hosts (client.load_system_host_keys()) and keep paramiko.RejectPolicy()"
    what = """
Finds paramiko `set_missing_host_key_policy()` given `AutoAddPolicy` or `WarningPolicy`, as a
class or an instance, in any import spelling (`paramiko.AutoAddPolicy`,
`paramiko.client.AutoAddPolicy`, `from paramiko import AutoAddPolicy as P`); and the other SSH
libraries: fabric `Connection` (its client adds unknown host keys), asyncssh `known_hosts=None`,
pysftp `cnopts.hostkeys = None`, netmiko without `ssh_strict=True` (its default) and ncclient
`hostkey_verify=False`. See docs/coverage.md.
"""
    why = """
The host key is how an SSH client knows it reached the right server. Accepting an unknown key
(AutoAddPolicy) or merely logging it (WarningPolicy) lets a machine in the middle impersonate the
server and capture credentials and commands (CWE-322, OWASP ASVS V9.2.3).
"""
    fix_safety = """
The fix replaces the policy with `RejectPolicy()`. It is unsafe: hosts whose keys are not in the
known-hosts files will be refused. A policy that comes from a variable is reported but not fixed.
"""
    references = ("https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.RejectPolicy",)
    VALID = (
        Valid("""
            import paramiko

            client = paramiko.SSHClient()
            client.load_system_host_keys()
            client.set_missing_host_key_policy(paramiko.RejectPolicy())
        """),
    )
    INVALID = (
        Invalid("""
            import paramiko

            client = paramiko.SSHClient()
            # ruleid: EGR106
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        """, fixed="""
            import paramiko

            client = paramiko.SSHClient()
            # ruleid: EGR106
            client.set_missing_host_key_policy(paramiko.RejectPolicy())
        """),
        Invalid("""
            from paramiko.client import SSHClient, WarningPolicy

            ssh = SSHClient()
            # ruleid: EGR106
            ssh.set_missing_host_key_policy(WarningPolicy)
        """, fixed="""
            from paramiko.client import RejectPolicy, SSHClient

            ssh = SSHClient()
            # ruleid: EGR106
            ssh.set_missing_host_key_policy(RejectPolicy())
        """),
        Invalid("""
            import asyncssh

            async def uptime(host):
                # ruleid: EGR106
                async with asyncssh.connect(host, known_hosts=None) as conn:
                    return await conn.run("uptime")
        """),
    )

    def check(self, model):
        for site in model.method_calls(*paramiko_table.HOST_KEY_POLICY_SETTERS):
            given = site.value(_POLICY)
            for argument in options(given):
                policy = argument.callee if isinstance(argument, CallResult) else argument
                if isinstance(policy, Ref) and policy.qualname in paramiko_table.INSECURE_HOST_KEY_POLICIES:
                    name = policy.qualname.rsplit(".", 1)[1]
                    fix = None
                    if site.call.args and argument is given and not argument.via and not policy.via:
                        fix = Fix("replace-argument", safe=False,
                                  detail=(("position", "0"), ("name", paramiko_table.REJECT_POLICY)))
                    yield self.report(site.call, f"set_missing_host_key_policy({name}) accepts any SSH server key",
                                      fix)
                    break
        # fabric, asyncssh, pysftp, netmiko and ncclient: host-key switches of the library tables.
        for weakening in weakenings(model, HOST_KEY):
            yield self.report(weakening.node, f"{weakening.subject} does not verify the SSH server's host key "
                                              f"({weakening.setting})",
                              hint=f"verify the host key: {weakening.remedy}" if weakening.remedy else "")


_POLICY = Arg("policy", 0)
