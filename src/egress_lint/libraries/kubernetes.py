"""The kubernetes client and other OpenAPI-generated clients: ``Configuration`` objects."""
from .spec import FALSE, HOSTNAME, VERIFY, Api, Arg, ClientType, Library, TlsSwitch

_ATTRIBUTES = (
    ("verify_ssl", TlsSwitch(Arg("verify_ssl"), VERIFY, (FALSE,),
                             hint="verify_ssl = True (ssl_ca_cert= names the cluster's CA)")),
    ("assert_hostname", TlsSwitch(Arg("assert_hostname"), HOSTNAME, (FALSE,),
                                  hint="leave assert_hostname unset, or name the host the certificate is for")),
)


def _configuration(name: str, library: str) -> ClientType:
    endpoint = Api(f"{name}.host", library, url=Arg("host"), connection=True, protocol="https",
                   tls_hint="an https:// API server host with verify_ssl = True (ssl_ca_cert= names the cluster's CA)")
    return ClientType(name=name, library=library, attributes=_ATTRIBUTES, endpoint=endpoint,
                      auth_attributes=("api_key", "password", "cert_file"))


CONFIGURATIONS = (
    _configuration("kubernetes.client.Configuration", "kubernetes"),
    _configuration("kubernetes_asyncio.client.Configuration", "kubernetes_asyncio"),
)

LIBRARY = Library(
    name="kubernetes",
    modules=("kubernetes", "kubernetes_asyncio"),
    constructors=tuple((t.name, Api(t.name, t.library, makes=t.name)) for t in CONFIGURATIONS),
    client_types=CONFIGURATIONS,
    aliases=(("kubernetes.client.configuration", "kubernetes.client"),
             ("kubernetes_asyncio.client.configuration", "kubernetes_asyncio.client")),
)
