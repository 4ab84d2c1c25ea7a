"""aiohttp: ClientSession, aiohttp.request and TCPConnector."""
from .spec import CONTEXT, FALSE, UNVERIFIED_CONTEXT, VERIFY, Api, Arg, ClientType, Library, TlsSwitch, http_methods

_TLS = (
    TlsSwitch(Arg("ssl"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("verify_ssl"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("ssl"), CONTEXT, (UNVERIFIED_CONTEXT,)),
    TlsSwitch(Arg("ssl_context"), CONTEXT, (UNVERIFIED_CONTEXT,)),
)

_methods = http_methods("aiohttp.ClientSession", "aiohttp", Arg("url", 0), _TLS,
                        request=(Arg("method", 0), Arg("url", 1)))
_methods["ws_connect"] = Api("aiohttp.ClientSession.ws_connect", "aiohttp", url=Arg("url", 0), method="GET", tls=_TLS)

SESSION = ClientType(name="aiohttp.ClientSession", library="aiohttp", methods=_methods)
CONNECTOR = ClientType(name="aiohttp.TCPConnector", library="aiohttp")

LIBRARY = Library(
    name="aiohttp",
    modules=("aiohttp",),
    functions=(
        ("aiohttp.request", Api("aiohttp.request", "aiohttp", url=Arg("url", 1), method_arg=Arg("method", 0), tls=_TLS)),
    ),
    constructors=(
        ("aiohttp.ClientSession", Api("aiohttp.ClientSession", "aiohttp", makes=SESSION.name)),
        ("aiohttp.TCPConnector", Api("aiohttp.TCPConnector", "aiohttp", tls=_TLS, makes=CONNECTOR.name)),
    ),
    client_types=(SESSION, CONNECTOR),
    aliases=(("aiohttp.client", "aiohttp"), ("aiohttp.connector", "aiohttp")),
)
