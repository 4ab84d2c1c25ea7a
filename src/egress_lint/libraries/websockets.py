"""WebSocket clients: the websockets package and websocket-client."""
from .spec import CERT_NONE, FALSE, HOSTNAME, VERIFY, Api, Arg, ClientType, Library, Payload, TlsSwitch

# websocket-client takes its TLS settings as a dict: sslopt={"cert_reqs": ssl.CERT_NONE, "check_hostname": False}.
_SSLOPT = (
    TlsSwitch(Arg("cert_reqs"), VERIFY, (CERT_NONE,), within=Arg("sslopt"),
              hint='sslopt={"cert_reqs": ssl.CERT_REQUIRED} (the default; "ca_certs" names a private CA)'),
    TlsSwitch(Arg("check_hostname"), HOSTNAME, (FALSE,), within=Arg("sslopt"),
              hint='sslopt without "check_hostname": False'),
)
WEBSOCKET_APP = ClientType(
    name="websocket.WebSocketApp",
    library="websocket-client",
    methods={"run_forever": Api("websocket.WebSocketApp.run_forever", "websocket-client", tls=_SSLOPT)},
)
WEBSOCKET = ClientType(
    name="websocket.WebSocket",
    library="websocket-client",
    methods={"connect": Api("websocket.WebSocket.connect", "websocket-client", url=Arg("url", 0), method="GET",
                            tls=_SSLOPT, payload=Payload(headers=Arg("header")))},
)

_HEADERS = Payload(headers=Arg("additional_headers"))

LIBRARY = Library(
    name="websockets",
    modules=("websockets", "websocket"),
    functions=(
        ("websockets.connect", Api("websockets.connect", "websockets", url=Arg("uri", 0), method="GET",
                                   payload=Payload(headers=Arg("extra_headers")))),
        ("websockets.sync.client.connect", Api("websockets.sync.client.connect", "websockets", url=Arg("uri", 0),
                                               method="GET", payload=_HEADERS)),
        ("websocket.create_connection", Api("websocket.create_connection", "websocket-client", url=Arg("url", 0),
                                            method="GET", tls=_SSLOPT, payload=Payload(headers=Arg("header")))),
    ),
    constructors=(
        ("websocket.WebSocketApp", Api("websocket.WebSocketApp", "websocket-client", url=Arg("url", 0),
                                       method="GET", payload=Payload(headers=Arg("header")),
                                       makes=WEBSOCKET_APP.name)),
        ("websocket.WebSocket", Api("websocket.WebSocket", "websocket-client", makes=WEBSOCKET.name,
                                    tls=_SSLOPT)),
    ),
    client_types=(WEBSOCKET_APP, WEBSOCKET),
    aliases=(("websockets.client", "websockets"), ("websockets.legacy.client", "websockets")),
)
