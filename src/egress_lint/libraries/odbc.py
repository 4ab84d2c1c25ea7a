"""pyodbc and aioodbc: ODBC connection strings. SQL Server's drivers read ``Encrypt`` (``no`` /
``optional``: the client does not ask for TLS) and ``TrustServerCertificate`` (``yes``: any
certificate is accepted). Keywords of ``pyodbc.connect`` are added to the string, so they count too.

An absent ``Encrypt`` is not reported: its default depends on the driver's version (``no`` before ODBC
Driver 18 for SQL Server, ``yes`` from 18 on), which the code rarely shows.
"""
from .spec import CLEARTEXT, FALSE, ONE_OF, TRUE, VERIFY, Api, Arg, Library, TlsSwitch

TLS = (
    TlsSwitch(Arg("Encrypt"), CLEARTEXT, (FALSE, ONE_OF), values=("no", "false", "optional"), option="encrypt",
              aliases=("encrypt",), removable=False),
    TlsSwitch(Arg("TrustServerCertificate"), VERIFY, (TRUE, ONE_OF), values=("yes", "true"),
              option="trustservercertificate",
              aliases=("trustservercertificate", "trust_server_certificate"), removable=False),
)
HINT = "Encrypt=yes (or strict) and TrustServerCertificate=no in the connection string"


def _connect(name: str, library: str, url: Arg) -> Api:
    return Api(name, library, url=url, host=Arg("server"), tls=TLS, connection=True, protocol="mssql", password=(Arg("PWD"), Arg("pwd")),
               tls_hint=HINT, secret_hint="read PWD= from the environment or a secret store when the connection "
                                          "string is built, or use Trusted_Connection / Authentication= instead")


PYODBC_CONNECT = _connect("pyodbc.connect", "pyodbc", Arg("connstring", 0))

LIBRARY = Library(
    name="odbc",
    modules=("pyodbc", "aioodbc"),
    functions=(
        ("pyodbc.connect", PYODBC_CONNECT),
        ("aioodbc.connect", _connect("aioodbc.connect", "aioodbc", Arg("dsn"))),
        ("aioodbc.create_pool", _connect("aioodbc.create_pool", "aioodbc", Arg("dsn"))),
    ),
)
