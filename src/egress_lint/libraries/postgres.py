"""PostgreSQL clients: psycopg2, psycopg 3 and asyncpg. libpq's ``sslmode`` (keyword or connection-string
option) decides the transport: disable is cleartext, allow / prefer fall back to cleartext (prefer is
the default), require encrypts without verifying the server, verify-ca skips the host-name check."""
from .spec import (CLEARTEXT, CONTEXT, FALSE, HOSTNAME, MISSING, ONE_OF, OPTIONAL_TLS, UNVERIFIED_CONTEXT, VERIFY, Api,
                   Arg, Library, TlsSwitch)

_SSLMODE = Arg("sslmode")
LIBPQ_DEFAULT = "libpq's default is sslmode=prefer unless PGSSLMODE says otherwise"

SSLMODE_TLS = (
    TlsSwitch(_SSLMODE, CLEARTEXT, (ONE_OF,), values=("disable",), option="sslmode"),
    TlsSwitch(_SSLMODE, OPTIONAL_TLS, (ONE_OF, MISSING), values=("allow", "prefer"), option="sslmode",
              default=LIBPQ_DEFAULT),
    TlsSwitch(_SSLMODE, VERIFY, (ONE_OF,), values=("require",), option="sslmode", removable=False),
    TlsSwitch(_SSLMODE, HOSTNAME, (ONE_OF,), values=("verify-ca",), option="sslmode", removable=False),
)

_ASYNCPG_SSL = Arg("ssl")
ASYNCPG_TLS = (
    TlsSwitch(_ASYNCPG_SSL, CLEARTEXT, (FALSE, ONE_OF), values=("disable",), option="sslmode"),
    TlsSwitch(_ASYNCPG_SSL, OPTIONAL_TLS, (ONE_OF, MISSING), values=("allow", "prefer"), option="sslmode",
              default="asyncpg's default is ssl='prefer'"),
    TlsSwitch(_ASYNCPG_SSL, VERIFY, (ONE_OF,), values=("require",), option="sslmode", removable=False),
    TlsSwitch(_ASYNCPG_SSL, HOSTNAME, (ONE_OF,), values=("verify-ca",), option="sslmode", removable=False),
    TlsSwitch(_ASYNCPG_SSL, CONTEXT, (UNVERIFIED_CONTEXT,)),
)

_PASSWORD = (Arg("password"),)
LIBPQ_HINT = 'sslmode="verify-full" as a keyword or in the connection string (sslrootcert= names a private CA)'
LIBPQ_SECRET = ("pass password= read from the environment (or leave it to PGPASSWORD / ~/.pgpass) instead of "
                "writing it into the connection string")
ASYNCPG_HINT = 'ssl="verify-full", or ssl= a context from ssl.create_default_context(cafile=...)'


def _libpq(name: str, library: str, url: Arg) -> Api:
    return Api(name, library, url=url, host=Arg("host"), tls=SSLMODE_TLS, connection=True, protocol="postgresql",
               password=_PASSWORD, tls_hint=LIBPQ_HINT, secret_hint=LIBPQ_SECRET)


PSYCOPG2_CONNECT = _libpq("psycopg2.connect", "psycopg2", Arg("dsn", 0))
PSYCOPG_CONNECT = _libpq("psycopg.connect", "psycopg", Arg("conninfo", 0))
ASYNCPG_CONNECT = Api("asyncpg.connect", "asyncpg", url=Arg("dsn", 0), host=Arg("host"), tls=ASYNCPG_TLS,
                      connection=True, protocol="postgresql", password=_PASSWORD, tls_hint=ASYNCPG_HINT,
                      secret_hint=LIBPQ_SECRET)

LIBRARY = Library(
    name="postgresql",
    modules=("psycopg2", "psycopg", "psycopg_pool", "asyncpg"),
    functions=(
        ("psycopg2.connect", PSYCOPG2_CONNECT),
        ("psycopg2.pool.SimpleConnectionPool", _libpq("psycopg2.pool.SimpleConnectionPool", "psycopg2",
                                                      Arg("dsn", 2))),
        ("psycopg2.pool.ThreadedConnectionPool", _libpq("psycopg2.pool.ThreadedConnectionPool", "psycopg2",
                                                        Arg("dsn", 2))),
        ("psycopg.connect", PSYCOPG_CONNECT),
        ("psycopg.Connection.connect", _libpq("psycopg.Connection.connect", "psycopg", Arg("conninfo", 0))),
        ("psycopg.AsyncConnection.connect", _libpq("psycopg.AsyncConnection.connect", "psycopg",
                                                   Arg("conninfo", 0))),
        ("psycopg_pool.ConnectionPool", _libpq("psycopg_pool.ConnectionPool", "psycopg", Arg("conninfo", 0))),
        ("psycopg_pool.AsyncConnectionPool", _libpq("psycopg_pool.AsyncConnectionPool", "psycopg",
                                                    Arg("conninfo", 0))),
        ("asyncpg.connect", ASYNCPG_CONNECT),
        ("asyncpg.create_pool", Api("asyncpg.create_pool", "asyncpg", url=Arg("dsn", 0), host=Arg("host"),
                                    tls=ASYNCPG_TLS, connection=True, protocol="postgresql", password=_PASSWORD,
                                    tls_hint=ASYNCPG_HINT, secret_hint=LIBPQ_SECRET)),
    ),
    aliases=(("psycopg2.extensions", "psycopg2"), ("asyncpg.connection", "asyncpg"), ("asyncpg.pool", "asyncpg")),
)
