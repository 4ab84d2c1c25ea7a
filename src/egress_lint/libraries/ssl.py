"""ssl: contexts, module-level wrap_socket and the process-wide defaults."""
from .spec import (CERT_NONE, CONTEXT_VERIFY_MODE, FALSE, HOSTNAME, MISSING, PROTOCOL, WEAK_CIPHERS, WEAK_PROTOCOL,
                   WEAK_VERSION, Api, Arg, ClientType, Library, TlsSwitch)

# Protocol constants and versions older than TLS 1.2 (PROTOCOL_SSLv23 is an alias of PROTOCOL_TLS: fine).
WEAK_PROTOCOLS = ("ssl.PROTOCOL_SSLv2", "ssl.PROTOCOL_SSLv3", "ssl.PROTOCOL_TLSv1", "ssl.PROTOCOL_TLSv1_1",
                  "OpenSSL.SSL.SSLv2_METHOD", "OpenSSL.SSL.SSLv3_METHOD", "OpenSSL.SSL.TLSv1_METHOD",
                  "OpenSSL.SSL.TLSv1_1_METHOD")
WEAK_VERSIONS = ("ssl.TLSVersion.SSLv3", "ssl.TLSVersion.TLSv1", "ssl.TLSVersion.TLSv1_1")
# OpenSSL cipher-string words that enable broken suites when they are not excluded with "!" or "-".
WEAK_CIPHER_WORDS = frozenset({"NULL", "ANULL", "ENULL", "EXPORT", "EXP", "RC4", "DES", "3DES", "CBC3", "MD5",
                               "LOW", "ADH", "AECDH"})

_CIPHERS = TlsSwitch(Arg("ciphers", 0), PROTOCOL, (WEAK_CIPHERS,))

CONTEXT = ClientType(
    name="ssl.SSLContext",
    library="ssl",
    methods={
        "wrap_socket": Api("ssl.SSLContext.wrap_socket", "ssl", host=Arg("server_hostname"),
                           server_flag=Arg("server_side", 1)),
        "wrap_bio": Api("ssl.SSLContext.wrap_bio", "ssl", host=Arg("server_hostname"), server_flag=Arg("server_side", 2)),
    },
    attributes=(
        ("verify_mode", TlsSwitch(Arg("verify_mode"), CONTEXT_VERIFY_MODE, (CERT_NONE,))),
        ("check_hostname", TlsSwitch(Arg("check_hostname"), HOSTNAME, (FALSE,))),
        ("minimum_version", TlsSwitch(Arg("minimum_version"), PROTOCOL, (WEAK_VERSION,))),
        ("maximum_version", TlsSwitch(Arg("maximum_version"), PROTOCOL, (WEAK_VERSION,))),
    ),
    method_switches=(("set_ciphers", _CIPHERS),),
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
    modules=("ssl", "gevent"),
    functions=(
        ("ssl.wrap_socket", Api("ssl.wrap_socket", "ssl", host=Arg("server_hostname"),
                                tls=(TlsSwitch(Arg("cert_reqs", 4), CONTEXT_VERIFY_MODE, (CERT_NONE, MISSING)),
                                     TlsSwitch(Arg("ssl_version", 5), PROTOCOL, (WEAK_PROTOCOL,)),
                                     TlsSwitch(Arg("ciphers", 7), PROTOCOL, (WEAK_CIPHERS,))),
                                server_flag=Arg("server_side", 3))),
    ),
    constructors=(
        (CONTEXT_CLASS, Api(CONTEXT_CLASS, "ssl", makes=CONTEXT.name,
                            tls=(TlsSwitch(Arg("protocol", 0), PROTOCOL, (WEAK_PROTOCOL,)),))),
        (DEFAULT_FACTORY, Api(DEFAULT_FACTORY, "ssl", makes=CONTEXT.name)),
        (UNVERIFIED_FACTORY, Api(UNVERIFIED_FACTORY, "ssl", makes=CONTEXT.name)),
    ),
    client_types=(CONTEXT,),
    aliases=(("ssl.VerifyMode", "ssl"), ("ssl._SSLMethod", "ssl"), ("gevent.ssl", "ssl")),
)
