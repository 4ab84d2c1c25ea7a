"""urllib.request (and its Python 2 / six spellings)."""
from .spec import CONTEXT, UNVERIFIED_CONTEXT, Api, Arg, ClientType, Library, Payload, TlsSwitch

_CONTEXT = (TlsSwitch(Arg("context"), CONTEXT, (UNVERIFIED_CONTEXT,)),)
_DATA = Payload(body=(Arg("data", 1),))

OPENER = ClientType(
    name="urllib.request.OpenerDirector",
    library="urllib",
    methods={"open": Api("urllib.request.OpenerDirector.open", "urllib", url=Arg("fullurl", 0), payload=_DATA)},
)
URLOPENER = ClientType(
    name="urllib.request.URLopener",
    library="urllib",
    methods={
        "open": Api("urllib.request.URLopener.open", "urllib", url=Arg("fullurl", 0), payload=_DATA),
        "retrieve": Api("urllib.request.URLopener.retrieve", "urllib", url=Arg("url", 0), payload=Payload(
            body=(Arg("data", 3),))),
    },
)
HANDLER = ClientType(name="urllib.request.HTTPSHandler", library="urllib")

LIBRARY = Library(
    name="urllib",
    modules=("urllib", "urllib2", "six"),
    submodules=("urllib.request", "six.moves.urllib.request", "six.moves.urllib_request"),
    functions=(
        ("urllib.request.urlopen", Api("urllib.request.urlopen", "urllib", url=Arg("url", 0), tls=_CONTEXT,
                                       payload=_DATA)),
        ("urllib.request.urlretrieve", Api("urllib.request.urlretrieve", "urllib", url=Arg("url", 0),
                                           payload=Payload(body=(Arg("data", 3),)))),
    ),
    constructors=(
        ("urllib.request.build_opener", Api("urllib.request.build_opener", "urllib", makes=OPENER.name)),
        ("urllib.request.OpenerDirector", Api("urllib.request.OpenerDirector", "urllib", makes=OPENER.name)),
        ("urllib.request.URLopener", Api("urllib.request.URLopener", "urllib", makes=URLOPENER.name)),
        ("urllib.request.FancyURLopener", Api("urllib.request.FancyURLopener", "urllib", makes=URLOPENER.name)),
        ("urllib.request.HTTPSHandler", Api("urllib.request.HTTPSHandler", "urllib", tls=_CONTEXT,
                                            makes=HANDLER.name)),
    ),
    client_types=(OPENER, URLOPENER, HANDLER),
    aliases=(("urllib2", "urllib.request"), ("six.moves.urllib.request", "urllib.request"),
             ("six.moves.urllib_request", "urllib.request")),
    request_objects=(("urllib.request.Request", Api(
        "urllib.request.Request", "urllib", url=Arg("url", 0), method_arg=Arg("method", 5),
        payload=Payload(body=(Arg("data", 1),), headers=Arg("headers", 2)))),),
)
