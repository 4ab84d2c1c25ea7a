"""Elasticsearch and OpenSearch clients."""
from .schemes import SEARCH
from .spec import FALSE, HOSTNAME, VERIFY, WARNINGS, Api, Arg, Library, TlsSwitch

_TLS = (
    TlsSwitch(Arg("verify_certs"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("ssl_assert_hostname"), HOSTNAME, (FALSE,)),
    # Silences only the warning that verify_certs=False makes: alone it changes nothing.
    TlsSwitch(Arg("ssl_show_warn"), WARNINGS, (FALSE,), hint="drop ssl_show_warn=False and verify the server "
                                                             "(verify_certs=True, ca_certs= for a private CA)"),
)
_CREDENTIALS = (Arg("basic_auth"), Arg("api_key"), Arg("http_auth"), Arg("bearer_auth"))


def _client(name: str, library: str) -> Api:
    return Api(name, library, url=Arg("hosts", 0), tls=_TLS, connection=True, protocol="https",
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
