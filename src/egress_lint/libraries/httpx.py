"""httpx: module functions, Client/AsyncClient and transports."""
from .spec import (FALSE, REQUESTS_STYLE, UNVERIFIED_CONTEXT, VERIFY, Api, Arg, ClientType, Library, Payload,
                   TlsSwitch, http_methods)

_VERIFY = (TlsSwitch(Arg("verify"), VERIFY, (FALSE, UNVERIFIED_CONTEXT)),)
_REQUEST = (Arg("method", 0), Arg("url", 1))

_FUNCTIONS = dict(http_methods("httpx", "httpx", Arg("url", 0), _VERIFY, request=_REQUEST, payload=REQUESTS_STYLE))
_FUNCTIONS["stream"] = Api("httpx.stream", "httpx", url=Arg("url", 1), method_arg=Arg("method", 0), tls=_VERIFY,
                           payload=REQUESTS_STYLE)
_CLIENT_DEFAULTS = Payload(query=Arg("params"), headers=Arg("headers"), auth=Arg("auth"), cookies=Arg("cookies"),
                           cert=Arg("cert"))


def _client(name: str) -> ClientType:
    methods = http_methods(name, "httpx", Arg("url", 0), (), request=_REQUEST, payload=REQUESTS_STYLE)
    methods["stream"] = Api(f"{name}.stream", "httpx", url=Arg("url", 1), method_arg=Arg("method", 0),
                            payload=REQUESTS_STYLE)
    return ClientType(name=name, library="httpx", methods=methods,
                      attribute_payload=Payload(query=Arg("params"), headers=Arg("headers"), auth=Arg("auth"),
                                                cookies=Arg("cookies")))


# Transports that answer in the process (a handler, an ASGI/WSGI app) or over a Unix socket (uds=):
# requests of a client given one never reach the network. app= (httpx before 0.28) is in-process too.
LOCAL_TRANSPORTS = tuple((Arg("transport"), name, None)
                         for name in ("httpx.MockTransport", "httpx.ASGITransport", "httpx.WSGITransport")) + (
    (Arg("transport"), "httpx.HTTPTransport", "uds"), (Arg("transport"), "httpx.AsyncHTTPTransport", "uds"),
    (Arg("app"), "", None))

CLIENT = _client("httpx.Client")
ASYNC_CLIENT = _client("httpx.AsyncClient")
TRANSPORT = ClientType(name="httpx.HTTPTransport", library="httpx")
ASYNC_TRANSPORT = ClientType(name="httpx.AsyncHTTPTransport", library="httpx")

LIBRARY = Library(
    name="httpx",
    modules=("httpx",),
    functions=tuple((f"httpx.{name}", api) for name, api in _FUNCTIONS.items()),
    constructors=tuple(
        (t.name, Api(t.name, "httpx", tls=_VERIFY, makes=t.name, base_url=Arg("base_url"),
                     payload=_CLIENT_DEFAULTS, local_via=LOCAL_TRANSPORTS))
        for t in (CLIENT, ASYNC_CLIENT)
    ) + tuple(
        (t.name, Api(t.name, "httpx", tls=_VERIFY, makes=t.name, payload=Payload(cert=Arg("cert"))))
        for t in (TRANSPORT, ASYNC_TRANSPORT)
    ),
    client_types=(CLIENT, ASYNC_CLIENT, TRANSPORT, ASYNC_TRANSPORT),
    aliases=(("httpx._api", "httpx"), ("httpx._client", "httpx"), ("httpx._transports.default", "httpx")),
    request_objects=(("httpx.Request", Api("httpx.Request", "httpx", method_arg=Arg("method", 0), url=Arg("url", 1),
                                           payload=REQUESTS_STYLE)),),
    auth_classes=(("httpx.BasicAuth", "basic"), ("httpx.DigestAuth", "digest"), ("httpx.NetRCAuth", "basic")),
)
