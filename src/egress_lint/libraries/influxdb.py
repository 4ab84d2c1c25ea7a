"""influxdb-client's own client classes (InfluxDB 2.x): ``InfluxDBClient(url, token, ...)``.

The low-level ``influxdb_client.Configuration`` is OpenAPI Generator's and lives in openapi.py; the
client classes take the same settings as keywords: ``url`` (the server), ``verify_ssl`` (on by
default), ``ssl_ca_cert``, and the credentials ``token`` or ``username`` / ``password``.
"""
from .schemes import DATABASE
from .spec import FALSE, VERIFY, Api, Arg, Library, TlsSwitch


def _client(name: str) -> Api:
    return Api(name, "influxdb-client", url=Arg("url", 0), connection=True, protocol="https", holds=DATABASE,
               tls=(TlsSwitch(Arg("verify_ssl"), VERIFY, (FALSE,),
                              hint="verify_ssl=True (ssl_ca_cert= names a private CA)"),),
               password=(Arg("token", 1), Arg("password")),
               tls_hint="an https:// url with verify_ssl=True (ssl_ca_cert= names a private CA)",
               secret_hint="read the token from the environment (INFLUX_TOKEN) or a secret store")


LIBRARY = Library(
    name="influxdb",
    modules=("influxdb_client",),
    functions=(
        ("influxdb_client.InfluxDBClient", _client("influxdb_client.InfluxDBClient")),
        ("influxdb_client.client.influxdb_client_async.InfluxDBClientAsync",
         _client("influxdb_client.client.influxdb_client_async.InfluxDBClientAsync")),
    ),
    aliases=(("influxdb_client.client.influxdb_client.InfluxDBClient", "influxdb_client.InfluxDBClient"),),
    # The package imports itself in most of its modules; only a text naming a client class makes one.
    precheck_words=("InfluxDBClient",),
)
