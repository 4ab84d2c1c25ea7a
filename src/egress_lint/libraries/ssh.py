"""SSH beyond paramiko's SSHClient: fabric, asyncssh, pysftp, netmiko and ncclient host-key checks."""
from .spec import FALSE, HOST_KEY, MISSING, ONE_OF, Api, Arg, ClientType, Library, TlsSwitch

CNOPTS = ClientType(name="pysftp.CnOpts", library="pysftp",
                    attributes=(("hostkeys", TlsSwitch(Arg("hostkeys"), HOST_KEY, (ONE_OF,), values=(None,))),))

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

_NETMIKO = Api("netmiko.ConnectHandler", "netmiko", host=Arg("host"),
               tls=(TlsSwitch(Arg("ssh_strict"), HOST_KEY, (FALSE, MISSING),
                              default="netmiko accepts unknown host keys unless ssh_strict=True"),))

LIBRARY = Library(
    name="ssh",
    modules=("fabric", "asyncssh", "pysftp", "netmiko", "ncclient"),
    functions=(
        ("asyncssh.connect", Api("asyncssh.connect", "asyncssh", host=Arg("host", 0),
                                 tls=(TlsSwitch(Arg("known_hosts"), HOST_KEY, (ONE_OF,), values=(None,)),))),
        ("asyncssh.connect_reverse", Api("asyncssh.connect_reverse", "asyncssh", host=Arg("host", 0),
                                         tls=(TlsSwitch(Arg("known_hosts"), HOST_KEY, (ONE_OF,), values=(None,)),))),
        ("asyncssh.SSHClientConnectionOptions", Api("asyncssh.SSHClientConnectionOptions", "asyncssh",
                                                    tls=(TlsSwitch(Arg("known_hosts"), HOST_KEY, (ONE_OF,),
                                                                   values=(None,)),))),
        ("netmiko.ConnectHandler", _NETMIKO),
        ("netmiko.BaseConnection", Api("netmiko.BaseConnection", "netmiko", host=Arg("host"), tls=_NETMIKO.tls)),
        ("ncclient.manager.connect", Api("ncclient.manager.connect", "ncclient", host=Arg("host"),
                                         tls=(TlsSwitch(Arg("hostkey_verify"), HOST_KEY, (FALSE,)),))),
        ("ncclient.manager.connect_ssh", Api("ncclient.manager.connect_ssh", "ncclient", host=Arg("host"),
                                             tls=(TlsSwitch(Arg("hostkey_verify"), HOST_KEY, (FALSE,)),))),
        ("pysftp.Connection", Api("pysftp.Connection", "pysftp", host=Arg("host", 0))),
    ),
    constructors=(("pysftp.CnOpts", Api("pysftp.CnOpts", "pysftp", makes=CNOPTS.name)),
                  ("fabric.Connection", FABRIC_CONNECT)),
    client_types=(CNOPTS, FABRIC),
    aliases=(("fabric.connection", "fabric"), ("netmiko.ssh_dispatcher", "netmiko"),
             ("asyncssh.connection", "asyncssh")),
)
