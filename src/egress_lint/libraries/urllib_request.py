"""urllib.request (and its Python 2 / six spellings)."""
from .spec import CONTEXT, UNVERIFIED_CONTEXT, Api, Arg, ClientType, Library, TlsSwitch

_CONTEXT = (TlsSwitch(Arg("context"), CONTEXT, (UNVERIFIED_CONTEXT,)),)

OPENER = ClientType(
    name="urllib.request.OpenerDirector",
    library="urllib",
    methods={"open": Api("urllib.request.OpenerDirector.open", "urllib", url=Arg("fullurl", 0))},
)
URLOPENER = ClientType(
    name="urllib.request.URLopener",
    library="urllib",
    methods={
        "open": Api("urllib.request.URLopener.open", "urllib", url=Arg("fullurl", 0)),
        "retrieve": Api("urllib.request.URLopener.retrieve", "urllib", url=Arg("url", 0)),
    },
)
HANDLER = ClientType(name="urllib.request.HTTPSHandler", library="urllib")

LIBRARY = Library(
    name="urllib",
    modules=("urllib", "urllib2", "six"),
    functions=(
        ("urllib.request.urlopen", Api("urllib.request.urlopen", "urllib", url=Arg("url", 0), tls=_CONTEXT)),
        ("urllib.request.urlretrieve", Api("urllib.request.urlretrieve", "urllib", url=Arg("url", 0))),
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
)
