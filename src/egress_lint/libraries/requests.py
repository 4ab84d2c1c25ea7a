"""requests: module functions and Session."""
from .spec import FALSE, VERIFY, Api, Arg, ClientType, Library, TlsSwitch, http_methods

_VERIFY = (TlsSwitch(Arg("verify"), VERIFY, (FALSE,)),)

_FUNCTIONS = http_methods("requests", "requests", Arg("url", 0), _VERIFY,
                          request=(Arg("method", 0), Arg("url", 1)))

SESSION = ClientType(
    name="requests.Session",
    library="requests",
    methods=http_methods("requests.Session", "requests", Arg("url", 0), _VERIFY,
                         request=(Arg("method", 0), Arg("url", 1))),
    attributes=(("verify", TlsSwitch(Arg("verify"), VERIFY, (FALSE,))),),
)

_MAKE_SESSION = Api("requests.Session", "requests", makes=SESSION.name)

LIBRARY = Library(
    name="requests",
    modules=("requests",),
    functions=tuple((f"requests.{name}", api) for name, api in _FUNCTIONS.items()),
    constructors=(("requests.Session", _MAKE_SESSION), ("requests.session", _MAKE_SESSION)),
    client_types=(SESSION,),
    aliases=(("requests.api", "requests"), ("requests.sessions", "requests"),
             ("requests.packages.urllib3", "urllib3")),
)
