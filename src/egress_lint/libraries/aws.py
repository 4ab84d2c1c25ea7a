"""boto3, botocore and aioboto3 clients: endpoint URL, TLS switches and literal keys."""
from .spec import CLEARTEXT, FALSE, VERIFY, Api, Arg, ClientType, Library, TlsSwitch

_TLS = (
    TlsSwitch(Arg("use_ssl"), CLEARTEXT, (FALSE,)),
    TlsSwitch(Arg("verify"), VERIFY, (FALSE,)),
)
_KEYS = (Arg("aws_secret_access_key"), Arg("aws_session_token"))
_HINT = 'https:// endpoints with use_ssl and verify left on (verify="/path/to/ca.pem" for a private CA)'


def _client(name: str, library: str) -> Api:
    # AWS endpoints are external; endpoint_url= points elsewhere (MinIO, LocalStack, a VPC endpoint).
    return Api(name, library, url=Arg("endpoint_url"), tls=_TLS, connection=True, protocol="https",
               default_host="amazonaws.com", password=_KEYS, tls_hint=_HINT)


_SESSION_METHODS = {
    "client": _client("boto3.session.Session.client", "boto3"),
    "resource": _client("boto3.session.Session.resource", "boto3"),
    "create_client": _client("botocore.session.Session.create_client", "botocore"),
}
SESSION = ClientType(name="boto3.session.Session", library="boto3", methods=_SESSION_METHODS)
BOTOCORE_SESSION = ClientType(name="botocore.session.Session", library="botocore", methods=_SESSION_METHODS)
AIOBOTO3_SESSION = ClientType(name="aioboto3.Session", library="aioboto3", methods=_SESSION_METHODS)


def _session(name: str, library: str, makes: str) -> Api:
    return Api(name, library, makes=makes, connection=True, protocol="https", default_host="amazonaws.com",
               password=_KEYS)


LIBRARY = Library(
    name="aws",
    modules=("boto3", "botocore", "aioboto3"),
    functions=(
        ("boto3.client", _client("boto3.client", "boto3")),
        ("boto3.resource", _client("boto3.resource", "boto3")),
    ),
    constructors=(
        ("boto3.session.Session", _session("boto3.session.Session", "boto3", SESSION.name)),
        ("boto3.Session", _session("boto3.Session", "boto3", SESSION.name)),
        ("botocore.session.Session", _session("botocore.session.Session", "botocore", BOTOCORE_SESSION.name)),
        ("botocore.session.get_session", _session("botocore.session.get_session", "botocore",
                                                  BOTOCORE_SESSION.name)),
        ("aioboto3.Session", _session("aioboto3.Session", "aioboto3", AIOBOTO3_SESSION.name)),
    ),
    client_types=(SESSION, BOTOCORE_SESSION, AIOBOTO3_SESSION),
    # boto3's and botocore's own modules import themselves: only a text that makes a client or a session
    # is worth parsing for them.
    precheck_words=("client(", "resource(", "Session(", "get_session(", "create_client("),
)
