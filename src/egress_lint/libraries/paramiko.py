"""paramiko: SSH clients and their host-key policies."""
from .spec import Api, Arg, ClientType, Library

SSH_CLIENT = ClientType(
    name="paramiko.SSHClient",
    library="paramiko",
    methods={"connect": Api("paramiko.SSHClient.connect", "paramiko", url=Arg("hostname", 0))},
    returns_self_from_with=True,
)

HOST_KEY_POLICY_SETTERS = ("set_missing_host_key_policy",)
# Policies that accept an unknown server key: the server is not authenticated.
INSECURE_HOST_KEY_POLICIES = ("paramiko.AutoAddPolicy", "paramiko.WarningPolicy")
REJECT_POLICY = "paramiko.RejectPolicy"

LIBRARY = Library(
    name="paramiko",
    modules=("paramiko",),
    constructors=(("paramiko.SSHClient", Api("paramiko.SSHClient", "paramiko", makes=SSH_CLIENT.name)),),
    client_types=(SSH_CLIENT,),
    aliases=(("paramiko.client", "paramiko"),),
    # Every finding and connection of paramiko's needs one of these names (paramiko's own modules
    # import each other everywhere, and most of them open nothing).
    precheck_words=("SSHClient", "AutoAddPolicy", "WarningPolicy"),
)
