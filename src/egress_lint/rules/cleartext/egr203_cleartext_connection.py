"""EGR203: a cleartext connection class (HTTP, FTP, SMTP, IMAP, POP3, Telnet, XML-RPC) to an external host."""
from ...analysis.hosts import policy_for
from ...analysis.transport import (CLEARTEXT_STATE, describe_transport, insecure, login_before_upgrade, tls_remedy,
                                   upgrade_calls_of, where)
from ...analysis.urls import reaches_external_in_clear
from ...diagnostics import Severity
from ...rule import Invalid, Rule, Valid


class CleartextConnection(Rule):
    code = "EGR203"
    slug = "cleartext-connection"
    family = "cleartext"
    severity = Severity.WARNING
    cwe = (319,)
    asvs = ("V9.2.3", "V9.1.1")
    summary = "Cleartext connection class to an external host"
    hint = "use the TLS variant (HTTPSConnection, FTP_TLS, SMTP_SSL or starttls(), IMAP4_SSL, POP3_SSL, SSH)"
    options = ("allowed-hosts",)
    what = """
Finds connections opened with a cleartext protocol class to a host that is not exempt:
`http.client.HTTPConnection` (also through `httplib` and `six.moves`), `urllib3.HTTPConnectionPool`,
`ftplib.FTP`, `smtplib.SMTP`, `imaplib.IMAP4` and `poplib.POP3` unless `starttls()` / `stls()` is
called on that object, `telnetlib.Telnet`, and `xmlrpc.client.ServerProxy` with an `http://` URL.
A connection whose host is not known from the code is reported: it is cleartext wherever it goes.
A `starttls()` in another function counts when it runs before the login on every path: in a helper
called with the connection before the login, in the factory that returns the connection, or in the
method that makes it and stores it on `self`. When the upgrade and the login are in two methods that
other code calls in an order the file does not show, the connection is not reported.

Database, cache, broker, directory and RPC connections whose settings leave them unencrypted are
reported too (PostgreSQL `sslmode="disable"`, asyncpg `ssl=False`, MySQL `ssl_disabled=True` /
`DISABLED`, redis-py, PyMySQL, pymongo, Kafka, pika, paho-mqtt and ldap3 cleartext defaults,
`grpc.insecure_channel`, boto3 `use_ssl=False`, pyodbc `Encrypt=no` / `optional`, Django `DATABASES`, Elasticsearch and
OpenSearch hosts without a scheme and without `use_ssl=True`); a library default only for a
host written in the code, and single-label service names (`db`, `redis`) count as internal. See
docs/coverage.md.
"""
    why = """
These protocols send everything, often including a login, without encryption or server
authentication (CWE-319); each has a TLS variant in the standard library.
"""
    references = ("https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.starttls",)
    VALID = (
        Valid("""
            import ftplib
            import smtplib

            ftp = ftplib.FTP_TLS("ftp.example.com")
            with smtplib.SMTP("mail.example.com", 587) as smtp:
                smtp.starttls()
                smtp.login("robot", "from-a-vault")
        """),
        Valid("""
            import smtplib

            def open_mailer(host):
                mailer = smtplib.SMTP(host, 587)
                mailer.starttls()
                return mailer

            def send(host, user, password):
                mailer = open_mailer(host)
                mailer.login(user, password)
        """),
    )
    INVALID = (
        Invalid("""
            import http.client

            # ruleid: EGR203
            conn = http.client.HTTPConnection("legacy.example.com")
        """),
        Invalid("""
            import xmlrpc.client

            # ruleid: EGR203
            proxy = xmlrpc.client.ServerProxy("http://rpc.example.com/RPC2")
        """),
    )

    def check(self, model):
        policy = policy_for(tuple(self.settings["allowed-hosts"]))
        for point in model.egress_points():
            if point.kind != "client" or not point.api.connection or point.api.protocol is not None:
                continue
            url = model.url(point)
            if not reaches_external_in_clear(url, policy):
                continue
            client = point.client
            upgrades = client.type.upgraded_by if client is not None else ()
            upgraded = upgrade_calls_of(model, client, upgrades)
            early_login = login_before_upgrade(model, client, upgrades) if upgraded else None
            if upgraded and early_login is None:
                continue
            why = f" ({early_login.attr}() on line {early_login.line} can run before {upgrades[0]}())" \
                if early_login is not None else ""
            yield self.report(point.node, f"{point.subject} opens a cleartext {url.scheme.upper()} connection to "
                                          f"{url.display}{why}")
        # Database, cache and broker connections whose keywords or options leave them unencrypted.
        for connection, result in insecure(model, policy, CLEARTEXT_STATE):
            if not result.by_scheme:
                yield self.report(connection.node, f"{connection.subject} opens a cleartext {result.protocol} "
                                                   f"connection to {where(connection, result)} "
                                                   f"({describe_transport(result)})",
                                  hint=f"encrypt it: {tls_remedy(connection)}")
