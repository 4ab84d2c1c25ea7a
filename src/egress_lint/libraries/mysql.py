"""MySQL clients: PyMySQL (and aiomysql), mysqlclient (MySQLdb) and mysql-connector-python."""
from .spec import (CLEARTEXT, CONTEXT, FALSE, HOSTNAME, MISSING, ONE_OF, OPTIONAL_TLS, TRUE, UNVERIFIED_CONTEXT,
                   VERIFY, Api, Arg, Library, TlsSwitch)

_PASSWORD = (Arg("password"), Arg("passwd"))

PYMYSQL_TLS = (
    TlsSwitch(Arg("ssl_disabled"), CLEARTEXT, (TRUE,)),
    TlsSwitch(Arg("ssl"), CLEARTEXT, (MISSING,), aliases=("ssl_ca", "ssl_cert", "ssl_key"),
              default="PyMySQL connects in cleartext unless ssl= or ssl_ca= is given"),
    TlsSwitch(Arg("ssl_verify_cert"), VERIFY, (FALSE,)),
    TlsSwitch(Arg("ssl_verify_identity"), HOSTNAME, (FALSE,), removable=False),
    TlsSwitch(Arg("check_hostname"), HOSTNAME, (FALSE,), within=Arg("ssl")),
    TlsSwitch(Arg("ssl"), CONTEXT, (UNVERIFIED_CONTEXT,)),
)

MYSQLCLIENT_TLS = (
    TlsSwitch(Arg("ssl_mode"), CLEARTEXT, (ONE_OF,), values=("DISABLED",)),
    TlsSwitch(Arg("ssl_mode"), OPTIONAL_TLS, (ONE_OF, MISSING), values=("PREFERRED",), aliases=("ssl",),
              default="the MySQL client library's default is ssl_mode PREFERRED (5.7+; MariaDB's uses no TLS)"),
    TlsSwitch(Arg("ssl_mode"), VERIFY, (ONE_OF,), values=("REQUIRED",), removable=False),
    TlsSwitch(Arg("ssl_mode"), HOSTNAME, (ONE_OF,), values=("VERIFY_CA",), removable=False),
)

CONNECTOR_TLS = (
    TlsSwitch(Arg("ssl_disabled"), CLEARTEXT, (TRUE,)),
    TlsSwitch(Arg("ssl_verify_cert"), OPTIONAL_TLS, (MISSING,), aliases=("ssl_ca",),
              default="mysql-connector tries TLS without verifying the server and falls back to cleartext "
                      "unless ssl_ca= and ssl_verify_cert=True are given"),
    TlsSwitch(Arg("ssl_verify_cert"), VERIFY, (FALSE,), removable=False),
    TlsSwitch(Arg("ssl_verify_identity"), HOSTNAME, (FALSE, MISSING), removable=False,
              default="mysql-connector does not check the server's host name unless ssl_verify_identity=True"),
)


_HINTS = {
    "PyMySQL": "ssl_ca= with ssl_verify_cert=True and ssl_verify_identity=True",
    "aiomysql": 'ssl= a context from ssl.create_default_context(cafile=...)',
    "mysqlclient": 'ssl_mode="VERIFY_IDENTITY" with ssl={"ca": "/path/to/ca.pem"}',
    "mysql-connector": "ssl_ca= with ssl_verify_cert=True and ssl_verify_identity=True",
}


def _api(name: str, library: str, tls) -> Api:
    return Api(name, library, host=Arg("host"), tls=tls, connection=True, protocol="mysql", password=_PASSWORD,
               default_host="localhost", tls_hint=_HINTS[library])


PYMYSQL_CONNECT = _api("pymysql.connect", "PyMySQL", PYMYSQL_TLS)
MYSQLDB_CONNECT = _api("MySQLdb.connect", "mysqlclient", MYSQLCLIENT_TLS)
CONNECTOR_CONNECT = _api("mysql.connector.connect", "mysql-connector", CONNECTOR_TLS)

LIBRARY = Library(
    name="mysql",
    modules=("pymysql", "aiomysql", "MySQLdb", "mysql"),
    functions=(
        ("pymysql.connect", PYMYSQL_CONNECT),
        ("pymysql.Connect", _api("pymysql.Connect", "PyMySQL", PYMYSQL_TLS)),
        ("pymysql.connections.Connection", _api("pymysql.connections.Connection", "PyMySQL", PYMYSQL_TLS)),
        ("aiomysql.connect", _api("aiomysql.connect", "aiomysql", PYMYSQL_TLS)),
        ("aiomysql.create_pool", _api("aiomysql.create_pool", "aiomysql", PYMYSQL_TLS)),
        ("MySQLdb.connect", MYSQLDB_CONNECT),
        ("MySQLdb.Connect", _api("MySQLdb.Connect", "mysqlclient", MYSQLCLIENT_TLS)),
        ("MySQLdb.connections.Connection", _api("MySQLdb.connections.Connection", "mysqlclient", MYSQLCLIENT_TLS)),
        ("mysql.connector.connect", CONNECTOR_CONNECT),
        ("mysql.connector.aio.connect", _api("mysql.connector.aio.connect", "mysql-connector", CONNECTOR_TLS)),
        ("mysql.connector.pooling.MySQLConnectionPool", _api("mysql.connector.pooling.MySQLConnectionPool",
                                                             "mysql-connector", CONNECTOR_TLS)),
    ),
)
