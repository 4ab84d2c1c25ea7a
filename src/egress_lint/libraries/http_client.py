"""http.client (and httplib / six.moves.http_client)."""
from .spec import CONTEXT, UNVERIFIED_CONTEXT, Api, Arg, ClientType, Library, Payload, TlsSwitch

_CONTEXT = (TlsSwitch(Arg("context"), CONTEXT, (UNVERIFIED_CONTEXT,)),)
_REQUEST_PAYLOAD = Payload(body=(Arg("body", 2),), headers=Arg("headers", 3))


def _connection(name: str) -> ClientType:
    return ClientType(
        name=name,
        library="http.client",
        methods={
            "request": Api(f"{name}.request", "http.client", url=Arg("url", 1), method_arg=Arg("method", 0),
                           payload=_REQUEST_PAYLOAD),
            "putrequest": Api(f"{name}.putrequest", "http.client", url=Arg("url", 1), method_arg=Arg("method", 0)),
        },
    )


HTTPS = _connection("http.client.HTTPSConnection")
HTTP = _connection("http.client.HTTPConnection")

LIBRARY = Library(
    name="http.client",
    modules=("http", "httplib", "six"),
    submodules=("http.client", "six.moves.http_client"),
    constructors=(
        ("http.client.HTTPSConnection", Api("http.client.HTTPSConnection", "http.client", host=Arg("host", 0),
                                            tls=_CONTEXT, makes=HTTPS.name, scheme="https", connection=True)),
        ("http.client.HTTPConnection", Api("http.client.HTTPConnection", "http.client", host=Arg("host", 0),
                                           makes=HTTP.name, scheme="http", connection=True)),
    ),
    client_types=(HTTPS, HTTP),
    aliases=(("httplib", "http.client"), ("six.moves.http_client", "http.client")),
)
