"""ssl: contexts, module-level wrap_socket and the process-wide defaults."""
from .spec import CERT_NONE, CONTEXT_VERIFY_MODE, FALSE, HOSTNAME, MISSING, Api, Arg, ClientType, Library, TlsSwitch

CONTEXT = ClientType(
    name="ssl.SSLContext",
    library="ssl",
    methods={
        "wrap_socket": Api("ssl.SSLContext.wrap_socket", "ssl", url=Arg("server_hostname")),
        "wrap_bio": Api("ssl.SSLContext.wrap_bio", "ssl", url=Arg("server_hostname")),
    },
    attributes=(
        ("verify_mode", TlsSwitch(Arg("verify_mode"), CONTEXT_VERIFY_MODE, (CERT_NONE,))),
        ("check_hostname", TlsSwitch(Arg("check_hostname"), HOSTNAME, (FALSE,))),
    ),
    returns_self_from_with=False,
)

# Constructors of contexts; analysis/contexts.py decides from their arguments whether they verify.
UNVERIFIED_FACTORY = "ssl._create_unverified_context"
DEFAULT_FACTORY = "ssl.create_default_context"
CONTEXT_CLASS = "ssl.SSLContext"

CLIENT_PROTOCOLS = ("ssl.PROTOCOL_TLS_CLIENT",)
SERVER_PROTOCOLS = ("ssl.PROTOCOL_TLS_SERVER",)
SERVER_PURPOSES = ("ssl.Purpose.CLIENT_AUTH",)
VERIFYING_MODES = ("ssl.CERT_REQUIRED", "ssl.CERT_OPTIONAL")

# Process-wide switches: assigning the unverified factory here turns verification off everywhere.
DEFAULT_CONTEXT_HOOK = "ssl._create_default_https_context"
# Environment variables that turn verification off when set to the value given.
ENVIRONMENT_BYPASS = (
    ("PYTHONHTTPSVERIFY", "0"),
    ("CURL_CA_BUNDLE", ""),
    ("REQUESTS_CA_BUNDLE", ""),
    ("SSL_CERT_FILE", ""),
)

LIBRARY = Library(
    name="ssl",
    modules=("ssl",),
    functions=(
        ("ssl.wrap_socket", Api("ssl.wrap_socket", "ssl", url=Arg("server_hostname"),
                                tls=(TlsSwitch(Arg("cert_reqs", 4), CONTEXT_VERIFY_MODE, (CERT_NONE, MISSING)),),
                                server_flag=Arg("server_side", 3))),
    ),
    constructors=tuple((name, Api(name, "ssl", makes=CONTEXT.name))
                       for name in (CONTEXT_CLASS, DEFAULT_FACTORY, UNVERIFIED_FACTORY)),
    client_types=(CONTEXT,),
    aliases=(("ssl.VerifyMode", "ssl"), ("ssl._SSLMethod", "ssl")),
)
