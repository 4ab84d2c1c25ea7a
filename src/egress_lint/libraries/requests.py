"""requests: module functions, Session and Request objects."""
from dataclasses import replace

from .spec import FALSE, REQUESTS_STYLE, VERIFY, Api, Arg, ClientType, Library, Payload, TlsSwitch, http_methods

_VERIFY = (TlsSwitch(Arg("verify"), VERIFY, (FALSE,)),)
_REQUEST = (Arg("method", 0), Arg("url", 1))

_FUNCTIONS = http_methods("requests", "requests", Arg("url", 0), _VERIFY, request=_REQUEST, payload=REQUESTS_STYLE)

_session_methods = http_methods("requests.Session", "requests", Arg("url", 0), _VERIFY, request=_REQUEST,
                                payload=REQUESTS_STYLE)


def _positional(methods, get_params: bool) -> None:
    """requests takes some payload positionally: ``get(url, params)``, ``post(url, data, json)``,
    ``put(url, data)`` (Session.get takes none)."""
    body_rest = REQUESTS_STYLE.body[2:]
    for name, body in (("post", (Arg("data", 1), Arg("json", 2))), ("put", (Arg("data", 1), Arg("json"))),
                       ("patch", (Arg("data", 1), Arg("json")))):
        methods[name] = replace(methods[name], payload=replace(REQUESTS_STYLE, body=body + body_rest))
    if get_params:
        methods["get"] = replace(methods["get"], payload=replace(REQUESTS_STYLE, query=Arg("params", 1)))


_positional(_FUNCTIONS, get_params=True)
_positional(_session_methods, get_params=False)
# Session.send takes a prepared request: its URL and payload come from the Request it was made from.
_session_methods["send"] = Api("requests.Session.send", "requests", url=Arg("request", 0), tls=_VERIFY)

_SESSION_ATTRIBUTES = Payload(query=Arg("params"), headers=Arg("headers"), auth=Arg("auth"), cookies=Arg("cookies"),
                              cert=Arg("cert"))


def session_type(name: str, authenticates=None) -> ClientType:
    """requests.Session and the OAuth sessions built on it share its methods and attributes."""
    return ClientType(
        name=name,
        library="requests",
        methods=_session_methods,
        attributes=(("verify", TlsSwitch(Arg("verify"), VERIFY, (FALSE,))),),
        attribute_payload=_SESSION_ATTRIBUTES,
        authenticates=authenticates,
    )


SESSION = session_type("requests.Session")

_MAKE_SESSION = Api("requests.Session", "requests", makes=SESSION.name)

REQUEST_OBJECT = Api("requests.Request", "requests", method_arg=Arg("method", 0), url=Arg("url", 1),
                     payload=Payload(body=(Arg("data", 4), Arg("json", 9), Arg("files", 3)), query=Arg("params", 5),
                                     headers=Arg("headers", 2), auth=Arg("auth", 6), cookies=Arg("cookies", 7)))

LIBRARY = Library(
    name="requests",
    modules=("requests",),
    functions=tuple((f"requests.{name}", api) for name, api in _FUNCTIONS.items()),
    constructors=(("requests.Session", _MAKE_SESSION), ("requests.session", _MAKE_SESSION)),
    client_types=(SESSION,),
    aliases=(("requests.api", "requests"), ("requests.sessions", "requests"), ("requests.models", "requests"),
             ("requests.packages.urllib3", "urllib3")),
    request_objects=(("requests.Request", REQUEST_OBJECT),),
    auth_classes=(("requests.auth.HTTPBasicAuth", "basic"), ("requests.auth.HTTPProxyAuth", "basic"),
                  ("requests.auth.HTTPDigestAuth", "digest")),
)

# Transport adapters: a subclass that overrides these methods can turn verification off for every
# request of the session it is mounted on (kwargs["cert_reqs"] = "CERT_NONE" in init_poolmanager,
# super().cert_verify(conn, url, False, cert), super().send(request, verify=False)).
ADAPTER_CLASSES = ("requests.adapters.HTTPAdapter", "requests.HTTPAdapter")
ADAPTER_HOOKS = ("init_poolmanager", "proxy_manager_for", "cert_verify", "send", "get_connection",
                 "get_connection_with_tls_context", "build_connection_pool_key_attributes")
# Calls inside those hooks and where they take the verification switch: (method, keyword, position).
ADAPTER_VERIFY_ARGS = (("cert_verify", "verify", 2), ("send", "verify", 2))

# requests-unixsocket: a requests.Session subclass that mounts a Unix-socket adapter on one scheme
# (``http+unix://`` unless ``url_scheme=`` says otherwise), and module functions that use one. Its
# requests to that scheme never leave the machine; to http:// and https:// it is a plain Session.
UNIX_SESSION = session_type("requests_unixsocket.Session")
_MAKE_UNIX_SESSION = Api("requests_unixsocket.Session", "requests-unixsocket", makes=UNIX_SESSION.name,
                         local_scheme=(Arg("url_scheme", 0), "http+unix"))
_UNIX_FUNCTIONS = http_methods("requests_unixsocket", "requests-unixsocket", Arg("url", 0), _VERIFY,
                               request=_REQUEST, payload=REQUESTS_STYLE)
_positional(_UNIX_FUNCTIONS, get_params=False)

UNIXSOCKET = Library(
    name="requests-unixsocket",
    modules=("requests_unixsocket",),
    functions=tuple((f"requests_unixsocket.{name}", api) for name, api in _UNIX_FUNCTIONS.items()),
    constructors=(("requests_unixsocket.Session", _MAKE_UNIX_SESSION),),
    client_types=(UNIX_SESSION,),
)
