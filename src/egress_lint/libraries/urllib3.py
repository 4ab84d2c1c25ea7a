"""urllib3: pool managers, connection pools and the module-level request function."""
from .spec import (CERT_NONE, CONTEXT, FALSE, HOSTNAME, PROTOCOL, UNVERIFIED_CONTEXT, VERIFY, WEAK_PROTOCOL,
                   WEAK_VERSION, Api, Arg, ClientType, Library, Payload, TlsSwitch)

_TLS = (
    TlsSwitch(Arg("cert_reqs"), VERIFY, (CERT_NONE,)),
    TlsSwitch(Arg("assert_hostname"), HOSTNAME, (FALSE,)),
    TlsSwitch(Arg("ssl_context"), CONTEXT, (UNVERIFIED_CONTEXT,)),
    TlsSwitch(Arg("ssl_version"), PROTOCOL, (WEAK_PROTOCOL, WEAK_VERSION)),
    TlsSwitch(Arg("ssl_minimum_version"), PROTOCOL, (WEAK_VERSION,)),
)
_PAYLOAD = Payload(body=(Arg("body", 2), Arg("fields", 3), Arg("json")), headers=Arg("headers", 4))


def _pool(name: str, url: Arg) -> ClientType:
    methods = {
        method: Api(f"{name}.{method}", "urllib3", url=url, method_arg=Arg("method", 0), payload=_PAYLOAD)
        for method in ("request", "urlopen", "request_encode_body", "request_encode_url")
    }
    return ClientType(name=name, library="urllib3", methods=methods)


POOL_MANAGER = _pool("urllib3.PoolManager", Arg("url", 1))
PROXY_MANAGER = _pool("urllib3.ProxyManager", Arg("url", 1))
HTTPS_POOL = _pool("urllib3.HTTPSConnectionPool", Arg("url", 1))
HTTP_POOL = _pool("urllib3.HTTPConnectionPool", Arg("url", 1))

INSECURE_REQUEST_WARNINGS = (
    "urllib3.exceptions.InsecureRequestWarning",
    "urllib3.exceptions.SecurityWarning",
    "urllib3.exceptions.HTTPWarning",
)

_HEADERS = Payload(headers=Arg("headers"))
_PINNED = (Arg("assert_fingerprint"),)  # urllib3 checks the fingerprint whatever cert_reqs says

LIBRARY = Library(
    name="urllib3",
    modules=("urllib3",),
    functions=(
        ("urllib3.request", Api("urllib3.request", "urllib3", url=Arg("url", 1), method_arg=Arg("method", 0),
                                payload=_PAYLOAD)),
    ),
    constructors=(
        ("urllib3.PoolManager", Api("urllib3.PoolManager", "urllib3", pinned_by=_PINNED, tls=_TLS, makes=POOL_MANAGER.name,
                                    payload=_HEADERS)),
        ("urllib3.ProxyManager", Api("urllib3.ProxyManager", "urllib3", pinned_by=_PINNED, url=Arg("proxy_url", 0), tls=_TLS,
                                     makes=PROXY_MANAGER.name, payload=_HEADERS)),
        ("urllib3.HTTPSConnectionPool", Api("urllib3.HTTPSConnectionPool", "urllib3", pinned_by=_PINNED, host=Arg("host", 0), tls=_TLS,
                                            makes=HTTPS_POOL.name, scheme="https", connection=True, payload=_HEADERS)),
        ("urllib3.HTTPConnectionPool", Api("urllib3.HTTPConnectionPool", "urllib3", host=Arg("host", 0),
                                           makes=HTTP_POOL.name, scheme="http", connection=True, payload=_HEADERS)),
        ("urllib3.connection_from_url", Api("urllib3.connection_from_url", "urllib3", pinned_by=_PINNED, url=Arg("url", 0), tls=_TLS,
                                            makes=HTTPS_POOL.name)),
        ("urllib3.proxy_from_url", Api("urllib3.proxy_from_url", "urllib3", pinned_by=_PINNED, url=Arg("url", 0),
                                       tls=_TLS, makes=PROXY_MANAGER.name, payload=_HEADERS)),
    ),
    # A context made for urllib3 with cert_reqs=CERT_NONE verifies nothing, wherever it is used.
    config_functions=(
        ("urllib3.util.ssl_.create_urllib3_context",
         (TlsSwitch(Arg("cert_reqs", 2), VERIFY, (CERT_NONE,)),)),
    ),
    client_types=(POOL_MANAGER, PROXY_MANAGER, HTTPS_POOL, HTTP_POOL),
    aliases=(("urllib3.poolmanager", "urllib3"), ("urllib3.connectionpool", "urllib3"),
             ("urllib3._request_methods", "urllib3"),
             ("urllib3.util.create_urllib3_context", "urllib3.util.ssl_.create_urllib3_context")),
)
