"""http.client (and httplib / six.moves.http_client)."""
from .spec import CONTEXT, UNVERIFIED_CONTEXT, Api, Arg, ClientType, Library, TlsSwitch

_CONTEXT = (TlsSwitch(Arg("context"), CONTEXT, (UNVERIFIED_CONTEXT,)),)


def _connection(name: str, scheme: str) -> ClientType:
    return ClientType(
        name=name,
        library="http.client",
        methods={
            "request": Api(f"{name}.request", "http.client", url=Arg("url", 1), method_arg=Arg("method", 0)),
            "putrequest": Api(f"{name}.putrequest", "http.client", url=Arg("url", 1), method_arg=Arg("method", 0)),
        },
    )


HTTPS = _connection("http.client.HTTPSConnection", "https")
HTTP = _connection("http.client.HTTPConnection", "http")

LIBRARY = Library(
    name="http.client",
    modules=("http", "httplib", "six"),
    constructors=(
        ("http.client.HTTPSConnection", Api("http.client.HTTPSConnection", "http.client", url=Arg("host", 0),
                                            tls=_CONTEXT, makes=HTTPS.name, scheme="https")),
        ("http.client.HTTPConnection", Api("http.client.HTTPConnection", "http.client", url=Arg("host", 0),
                                           makes=HTTP.name, scheme="http")),
    ),
    client_types=(HTTPS, HTTP),
    aliases=(("httplib", "http.client"), ("six.moves.http_client", "http.client")),
)
