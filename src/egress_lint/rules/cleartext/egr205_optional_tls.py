"""EGR205: TLS optional — the connection falls back to cleartext when the server does not offer TLS."""
from ...analysis.hosts import policy_for
from ...analysis.transport import OPTIONAL_STATE, describe_transport, insecure, tls_remedy, where
from ...diagnostics import Severity
from ...libraries.frameworks import SETTINGS_WORDS
from ...rule import Invalid, Rule, Valid


class OptionalTls(Rule):
    code = "EGR205"
    slug = "optional-tls"
    family = "cleartext"
    severity = Severity.WARNING
    cwe = (319, 757)
    asvs = ("V9.2.3", "V9.1.1")
    summary = "TLS optional: the connection falls back to cleartext when TLS is not offered"
    hint = "require verified TLS (sslmode=verify-full, ssl_mode=VERIFY_IDENTITY, ssl_ca= with ssl_verify_cert=True)"
    options = ("allowed-hosts",)
    precheck = SETTINGS_WORDS
    what = """
Finds database connections that use TLS only if the server offers it: PostgreSQL `sslmode="prefer"`
or `"allow"` (psycopg2, psycopg 3, asyncpg `ssl="prefer"`, SQLAlchemy `connect_args` and URL query,
Django `DATABASES` `OPTIONS`, libpq `key=value` strings), MySQL `ssl_mode="PREFERRED"` (mysqlclient,
Django), and connections that get this from the library default because nothing is set: libpq and
asyncpg default to `prefer`, the MySQL client library to `PREFERRED`, mysql-connector tries TLS
without verification unless `ssl_ca=` and `ssl_verify_cert=True` are given. The message says when
the setting is the library's default.

A default is reported only for a host written in the code; a setting written in the code also for
a host the code does not show. Hosts exempt by `allowed-hosts` (and loopback, `.test`, ...) and
single-label service names (`db`, `postgres`: docker-compose and Kubernetes names that resolve only
inside a private network) are not reported.
"""
    why = """
A client that falls back to cleartext lets anyone on the path strip TLS: an attacker answers "no TLS
here" and then reads every query, row and password (a downgrade, CWE-757, then CWE-319). Even when
TLS is used, these modes do not verify the server, so it is never authenticated (ASVS V9.2.3).
"""
    references = (
        "https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION",
        "https://dev.mysql.com/doc/refman/8.0/en/connection-options.html#option_general_ssl-mode",
    )
    VALID = (
        Valid("""
            import psycopg2

            conn = psycopg2.connect(host="db.example.com", dbname="app", sslmode="verify-full",
                                    sslrootcert="/etc/ssl/certs/db-ca.pem")
        """),
        Valid("""
            import psycopg2

            # a docker-compose service name and loopback stay inside the host or its private network
            local = psycopg2.connect(host="localhost", dbname="app")
            compose = psycopg2.connect(host="db", dbname="app")
        """),
    )
    INVALID = (
        Invalid("""
            import psycopg2

            # ruleid: EGR205
            conn = psycopg2.connect("host=db.example.com dbname=app sslmode=prefer")
        """),
        Invalid("""
            import asyncpg

            async def main():
                # ruleid: EGR205
                return await asyncpg.connect(host="db.example.com", database="app")
        """),
        Invalid("""
            DATABASES = {
                # ruleid: EGR205
                "default": {
                    "ENGINE": "django.db.backends.mysql",
                    "HOST": "mysql.example.com",
                    "OPTIONS": {"ssl_mode": "PREFERRED"},
                },
            }
        """),
    )

    def check(self, model):
        policy = policy_for(tuple(self.settings["allowed-hosts"]))
        for connection, result in insecure(model, policy, OPTIONAL_STATE):
            yield self.report(connection.node, f"{connection.subject} may fall back to a cleartext {result.protocol} "
                                               f"connection to {where(connection, result)} "
                                               f"({describe_transport(result)})",
                              hint=f"require verified TLS: {tls_remedy(connection)}")
