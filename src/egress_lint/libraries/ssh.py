"""SSH beyond paramiko's SSHClient: fabric, asyncssh, pysftp, netmiko and ncclient host-key checks."""
from .spec import FALSE, HOST_KEY, MISSING, ONE_OF, Api, Arg, ClientType, Library, TlsSwitch

CNOPTS = ClientType(name="pysftp.CnOpts", library="pysftp",
                    attributes=(("hostkeys", TlsSwitch(Arg("hostkeys"), HOST_KEY, (ONE_OF,), values=(None,),
                                                       hint="the host keys CnOpts() loads from ~/.ssh/known_hosts "
                                                            "(CnOpts(knownhosts=...) for another file)")),))

# fabric's Connection gives its paramiko client AutoAddPolicy; the same client set to RejectPolicy
# afterwards (conn.client.set_missing_host_key_policy(RejectPolicy())) verifies host keys again.
FABRIC = ClientType(name="fabric.Connection", library="fabric",
                    restored_by=("client.set_missing_host_key_policy",))
FABRIC_CONNECT = Api("fabric.Connection", "fabric", host=Arg("host", 0), makes=FABRIC.name,
                     tls=(TlsSwitch(Arg("RejectPolicy"), HOST_KEY, (MISSING,),
                                    default="fabric's SSH client adds unknown host keys with AutoAddPolicy unless "
                                            "conn.client is given RejectPolicy()",
                                    hint="conn.client.load_system_host_keys() and "
                                         "conn.client.set_missing_host_key_policy(paramiko.RejectPolicy())"),))

_ASYNCSSH_HINT = "leave known_hosts to its default (~/.ssh/known_hosts) or give a known_hosts file"
_NCCLIENT_HINT = "hostkey_verify=True, the default (known hosts from ~/.ssh/known_hosts)"

_NETMIKO = Api("netmiko.ConnectHandler", "netmiko", host=Arg("host"),
               tls=(TlsSwitch(Arg("ssh_strict"), HOST_KEY, (FALSE, MISSING),
                              default="netmiko accepts unknown host keys unless ssh_strict=True",
                              hint="ssh_strict=True with system_host_keys=True (or alt_host_keys= a known_hosts "
                                   "file)"),))

LIBRARY = Library(
    name="ssh",
    modules=("fabric", "asyncssh", "pysftp", "netmiko", "ncclient"),
    functions=(
        ("asyncssh.connect", Api("asyncssh.connect", "asyncssh", host=Arg("host", 0),
                                 tls=(TlsSwitch(Arg("known_hosts"), HOST_KEY, (ONE_OF,), values=(None,), hint=_ASYNCSSH_HINT),))),
        ("asyncssh.connect_reverse", Api("asyncssh.connect_reverse", "asyncssh", host=Arg("host", 0),
                                         tls=(TlsSwitch(Arg("known_hosts"), HOST_KEY, (ONE_OF,), values=(None,), hint=_ASYNCSSH_HINT),))),
        ("asyncssh.SSHClientConnectionOptions", Api("asyncssh.SSHClientConnectionOptions", "asyncssh",
                                                    tls=(TlsSwitch(Arg("known_hosts"), HOST_KEY, (ONE_OF,),
                                                                   values=(None,), hint=_ASYNCSSH_HINT),))),
        ("netmiko.ConnectHandler", _NETMIKO),
        ("netmiko.BaseConnection", Api("netmiko.BaseConnection", "netmiko", host=Arg("host"), tls=_NETMIKO.tls)),
        ("ncclient.manager.connect", Api("ncclient.manager.connect", "ncclient", host=Arg("host"),
                                         tls=(TlsSwitch(Arg("hostkey_verify"), HOST_KEY, (FALSE,), hint=_NCCLIENT_HINT),))),
        ("ncclient.manager.connect_ssh", Api("ncclient.manager.connect_ssh", "ncclient", host=Arg("host"),
                                             tls=(TlsSwitch(Arg("hostkey_verify"), HOST_KEY, (FALSE,), hint=_NCCLIENT_HINT),))),
        ("pysftp.Connection", Api("pysftp.Connection", "pysftp", host=Arg("host", 0))),
    ),
    constructors=(("pysftp.CnOpts", Api("pysftp.CnOpts", "pysftp", makes=CNOPTS.name)),
                  ("fabric.Connection", FABRIC_CONNECT)),
    client_types=(CNOPTS, FABRIC),
    aliases=(("fabric.connection", "fabric"), ("netmiko.ssh_dispatcher", "netmiko"),
             ("asyncssh.connection", "asyncssh")),
)
