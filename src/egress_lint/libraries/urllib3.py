"""urllib3: pool managers, connection pools and the module-level request function."""
from .spec import CERT_NONE, CONTEXT, FALSE, HOSTNAME, UNVERIFIED_CONTEXT, VERIFY, Api, Arg, ClientType, Library, TlsSwitch

_TLS = (
    TlsSwitch(Arg("cert_reqs"), VERIFY, (CERT_NONE,)),
    TlsSwitch(Arg("assert_hostname"), HOSTNAME, (FALSE,)),
    TlsSwitch(Arg("ssl_context"), CONTEXT, (UNVERIFIED_CONTEXT,)),
)


def _pool(name: str, url: Arg) -> ClientType:
    return ClientType(
        name=name,
        library="urllib3",
        methods={
            "request": Api(f"{name}.request", "urllib3", url=url, method_arg=Arg("method", 0)),
            "urlopen": Api(f"{name}.urlopen", "urllib3", url=url, method_arg=Arg("method", 0)),
            "request_encode_body": Api(f"{name}.request_encode_body", "urllib3", url=url, method_arg=Arg("method", 0)),
            "request_encode_url": Api(f"{name}.request_encode_url", "urllib3", url=url, method_arg=Arg("method", 0)),
        },
    )


POOL_MANAGER = _pool("urllib3.PoolManager", Arg("url", 1))
PROXY_MANAGER = _pool("urllib3.ProxyManager", Arg("url", 1))
HTTPS_POOL = _pool("urllib3.HTTPSConnectionPool", Arg("url", 1))
HTTP_POOL = _pool("urllib3.HTTPConnectionPool", Arg("url", 1))

INSECURE_REQUEST_WARNINGS = (
    "urllib3.exceptions.InsecureRequestWarning",
    "urllib3.exceptions.SecurityWarning",
    "urllib3.exceptions.HTTPWarning",
)

LIBRARY = Library(
    name="urllib3",
    modules=("urllib3",),
    functions=(
        ("urllib3.request", Api("urllib3.request", "urllib3", url=Arg("url", 1), method_arg=Arg("method", 0))),
    ),
    constructors=(
        ("urllib3.PoolManager", Api("urllib3.PoolManager", "urllib3", tls=_TLS, makes=POOL_MANAGER.name)),
        ("urllib3.ProxyManager", Api("urllib3.ProxyManager", "urllib3", url=Arg("proxy_url", 0), tls=_TLS,
                                     makes=PROXY_MANAGER.name)),
        ("urllib3.HTTPSConnectionPool", Api("urllib3.HTTPSConnectionPool", "urllib3", tls=_TLS,
                                            makes=HTTPS_POOL.name, scheme="https")),
        ("urllib3.HTTPConnectionPool", Api("urllib3.HTTPConnectionPool", "urllib3", makes=HTTP_POOL.name,
                                           scheme="http")),
        ("urllib3.connection_from_url", Api("urllib3.connection_from_url", "urllib3", url=Arg("url", 0), tls=_TLS,
                                            makes=HTTPS_POOL.name)),
    ),
    client_types=(POOL_MANAGER, PROXY_MANAGER, HTTPS_POOL, HTTP_POOL),
    aliases=(("urllib3.poolmanager", "urllib3"), ("urllib3.connectionpool", "urllib3"),
             ("urllib3._request_methods", "urllib3")),
)
