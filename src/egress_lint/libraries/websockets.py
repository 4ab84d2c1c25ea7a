"""WebSocket clients: the websockets package and websocket-client."""
from .spec import Api, Arg, Library, Payload

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
                                            method="GET", payload=Payload(headers=Arg("header")))),
        ("websocket.WebSocketApp", Api("websocket.WebSocketApp", "websocket-client", url=Arg("url", 0),
                                       method="GET", payload=Payload(headers=Arg("header")))),
    ),
    aliases=(("websockets.client", "websockets"), ("websockets.legacy.client", "websockets")),
)
