"""Clients made by OpenAPI Generator (and swagger-codegen before it): one ``Configuration`` shape.

Every Python client these generators write keeps its connection settings on a ``Configuration``
object that ``ApiClient(configuration)`` reads: ``host`` (the base URL), ``verify_ssl`` (certificate
verification, on by default), ``assert_hostname`` (hostname checking, urllib3's default when None),
``ssl_ca_cert`` (a private CA) and the credentials ``api_key`` (a dict), ``username`` / ``password``
(basic auth) and ``access_token`` (bearer). The shape is modelled once; the table below lists the
packages known to ship it, each with the module that exports ``Configuration``.
"""
from .spec import FALSE, HOSTNAME, VERIFY, Api, Arg, ClientType, Library, TlsSwitch

# (module that exports Configuration, library name shown in messages and the inventory)
PACKAGES = (
    ("kubernetes.client", "kubernetes"),
    ("kubernetes_asyncio.client", "kubernetes_asyncio"),
    ("influxdb_client", "influxdb-client"),
    ("airflow_client.client", "apache-airflow-client"),
    ("datadog_api_client", "datadog-api-client"),
    ("plaid", "plaid-python"),
    ("asana", "asana"),
)

_ATTRIBUTES = (
    ("verify_ssl", TlsSwitch(Arg("verify_ssl"), VERIFY, (FALSE,),
                             hint="verify_ssl = True (ssl_ca_cert= names a private CA)")),
    ("assert_hostname", TlsSwitch(Arg("assert_hostname"), HOSTNAME, (FALSE,),
                                  hint="leave assert_hostname unset, or name the host the certificate is for")),
)

# Attributes (and constructor keywords) that give the client credentials; a value of None, "" or {}
# gives none.
CREDENTIALS = ("api_key", "password", "access_token")


def _configuration(module: str, library: str) -> ClientType:
    name = f"{module}.Configuration"
    endpoint = Api(f"{name}.host", library, url=Arg("host"), connection=True, protocol="https",
                   tls_hint="an https:// host with verify_ssl = True (ssl_ca_cert= names a private CA)")
    return ClientType(name=name, library=library, attributes=_ATTRIBUTES, endpoint=endpoint,
                      auth_attributes=CREDENTIALS)


# Configuration() and its class methods that return a copy of the default (set_default() sets it).
MAKERS = ("", ".get_default_copy", ".get_default")

CONFIGURATIONS = tuple(_configuration(module, library) for module, library in PACKAGES)


def _library(name: str, modules, precheck_words=()) -> Library:
    types = tuple(t for t in CONFIGURATIONS if t.name.split(".", 1)[0] in modules)
    return Library(
        name=name,
        modules=tuple(modules),
        # Configuration() and the class methods that return a copy of the process-wide default
        constructors=tuple((f"{t.name}{maker}", Api(t.name, t.library, makes=t.name))
                           for t in types for maker in MAKERS),
        client_types=types,
        # Configuration is also imported from the module that defines it (kubernetes.client.configuration)
        aliases=tuple((t.name[:-len(".Configuration")] + ".configuration", t.name[:-len(".Configuration")])
                      for t in types),
        precheck_words=precheck_words,
    )


LIBRARY = _library("kubernetes", ("kubernetes", "kubernetes_asyncio"))
# The other generated clients import themselves in most of their own modules; only a text that also
# names Configuration can configure one.
GENERATED = _library("openapi-generated",
                     tuple(sorted({m.split(".", 1)[0] for m, _ in PACKAGES} - set(LIBRARY.modules))),
                     precheck_words=("Configuration",))
