"""aiohttp: ClientSession, aiohttp.request and TCPConnector."""
from .spec import (CONTEXT, FALSE, UNVERIFIED_CONTEXT, VERIFY, Api, Arg, ClientType, Library, Payload, TlsSwitch,
                   http_methods)

_TLS = (
    TlsSwitch(Arg("ssl"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("verify_ssl"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("ssl"), CONTEXT, (UNVERIFIED_CONTEXT,)),
    TlsSwitch(Arg("ssl_context"), CONTEXT, (UNVERIFIED_CONTEXT,)),
)
_PAYLOAD = Payload(body=(Arg("data"), Arg("json")), query=Arg("params"), headers=Arg("headers"), auth=Arg("auth"),
                   cookies=Arg("cookies"))

_methods = http_methods("aiohttp.ClientSession", "aiohttp", Arg("url", 0), _TLS,
                        request=(Arg("method", 0), Arg("url", 1)), payload=_PAYLOAD)
_methods["ws_connect"] = Api("aiohttp.ClientSession.ws_connect", "aiohttp", url=Arg("url", 0), method="GET", tls=_TLS,
                             payload=Payload(headers=Arg("headers"), auth=Arg("auth"), query=Arg("params")))

SESSION = ClientType(name="aiohttp.ClientSession", library="aiohttp", methods=_methods)
CONNECTOR = ClientType(name="aiohttp.TCPConnector", library="aiohttp")

LIBRARY = Library(
    name="aiohttp",
    modules=("aiohttp",),
    functions=(
        ("aiohttp.request", Api("aiohttp.request", "aiohttp", url=Arg("url", 1), method_arg=Arg("method", 0), tls=_TLS,
                                payload=_PAYLOAD)),
    ),
    constructors=(
        ("aiohttp.ClientSession", Api("aiohttp.ClientSession", "aiohttp", makes=SESSION.name,
                                      base_url=Arg("base_url", 0),
                                      payload=Payload(headers=Arg("headers"), auth=Arg("auth"),
                                                      cookies=Arg("cookies")),
                                      # a Unix-socket or named-pipe connector: requests stay on the machine
                                      local_via=((Arg("connector", 0), "aiohttp.UnixConnector", None),
                                                 (Arg("connector", 0), "aiohttp.NamedPipeConnector", None)))),
        ("aiohttp.TCPConnector", Api("aiohttp.TCPConnector", "aiohttp", tls=_TLS, makes=CONNECTOR.name)),
    ),
    client_types=(SESSION, CONNECTOR),
    aliases=(("aiohttp.client", "aiohttp"), ("aiohttp.connector", "aiohttp"), ("aiohttp.helpers", "aiohttp")),
    auth_classes=(("aiohttp.BasicAuth", "basic"),),
)
