"""Elasticsearch and OpenSearch clients."""
from .schemes import SEARCH
from .spec import CLEARTEXT, FALSE, HOSTNAME, MISSING, VERIFY, WARNINGS, Api, Arg, Library, TlsSwitch

_TLS = (
    TlsSwitch(Arg("verify_certs"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("ssl_assert_hostname"), HOSTNAME, (FALSE,)),
    # Silences only the warning that verify_certs=False makes: alone it changes nothing.
    TlsSwitch(Arg("ssl_show_warn"), WARNINGS, (FALSE,), hint="drop ssl_show_warn=False and verify the server "
                                                             "(verify_certs=True, ca_certs= for a private CA)"),
)
# A host without a scheme (a host dict without "scheme", a bare "host:port"): elasticsearch-py 7.x and
# opensearch-py connect over http unless use_ssl=True, a "scheme"/"use_ssl" key of the host dict, or the
# client's scheme= / cloud_id= say https; elasticsearch-py 8.x refuses such a host (it needs a scheme), so
# a client that connects at all speaks http there.
_SCHEMELESS = TlsSwitch(Arg("use_ssl"), CLEARTEXT, (MISSING, FALSE), aliases=("scheme", "cloud_id"), scheme_wins=True,
                        default="elasticsearch-py 7.x and opensearch-py use http for a host without a scheme "
                                "unless use_ssl=True (8.x requires the scheme)")
_CREDENTIALS = (Arg("basic_auth"), Arg("api_key"), Arg("http_auth"), Arg("bearer_auth"))


def _client(name: str, library: str) -> Api:
    return Api(name, library, url=Arg("hosts", 0), tls=_TLS + (_SCHEMELESS,), connection=True, protocol="https",
               password=_CREDENTIALS, holds=SEARCH,
               tls_hint="https:// hosts with verify_certs=True and ssl_assert_hostname kept (ca_certs= names a "
                        "private CA)")


LIBRARY = Library(
    name="search",
    modules=("elasticsearch", "opensearchpy"),
    functions=(
        ("elasticsearch.Elasticsearch", _client("elasticsearch.Elasticsearch", "elasticsearch")),
        ("elasticsearch.AsyncElasticsearch", _client("elasticsearch.AsyncElasticsearch", "elasticsearch")),
        ("opensearchpy.OpenSearch", _client("opensearchpy.OpenSearch", "opensearch-py")),
        ("opensearchpy.AsyncOpenSearch", _client("opensearchpy.AsyncOpenSearch", "opensearch-py")),
    ),
    aliases=(("elasticsearch.client", "elasticsearch"), ("opensearchpy.client", "opensearchpy")),
)
