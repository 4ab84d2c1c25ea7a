"""EGR103: hostname verification disabled."""
from ...analysis.tls import weakenings
from ...diagnostics import Fix
from ...libraries.spec import HOSTNAME
from ...rule import Invalid, Rule, Valid


class HostnameCheckDisabled(Rule):
    code = "EGR103"
    slug = "hostname-check-disabled"
    family = "tls-verify"
    weakens_tls = True
    cwe = (297,)
    summary = "Hostname verification disabled"
    hint = "keep check_hostname=True; pin a CA with cafile= instead of skipping the name check"
    what = """
Finds `ctx.check_hostname = False` on a client SSL context and urllib3 pools or managers made with
`assert_hostname=False`; and the host-name switches of database, cache, broker and other clients:
PostgreSQL `sslmode="verify-ca"`, MySQL `ssl_mode="VERIFY_CA"` / `ssl_verify_identity=False`,
redis-py `ssl_check_hostname=False` (or absent on a TLS connection: the default before redis-py 6.0),
pymongo `tlsAllowInvalidHostnames`, Kafka `ssl_check_hostname=False` /
`ssl.endpoint.identification.algorithm=none`, paho-mqtt `tls_insecure_set(True)`, Elasticsearch
`ssl_assert_hostname=False`, websocket-client `sslopt={"check_hostname": False}`, pycurl
`SSL_VERIFYHOST` 0 and `configuration.assert_hostname = False` on the `Configuration` of an
OpenAPI-generated client (kubernetes, influxdb-client, ...). See docs/coverage.md.

A context that serves only connections whose certificate fingerprint the same function checks
against a pinned value (see EGR102) is not reported: the pin names the one certificate accepted.
"""
    why = """
A certificate proves who the server is only if its name is checked against the host you meant to
reach. Without the check any valid certificate for any domain is accepted, so an attacker with a
certificate for their own domain can impersonate the server (CWE-297, OWASP ASVS V9.2.3).
"""
    fix_safety = """
The fix sets `check_hostname = True` and removes `assert_hostname=False`. It is unsafe: servers
reached by a name their certificate does not list will be refused, and a later
`ctx.verify_mode = ssl.CERT_NONE` on the same context now raises `ValueError` (fix that EGR102 too).
A value that comes from elsewhere (`ctx.check_hostname = CHECK`) is reported but not fixed.
"""
    references = ("https://docs.python.org/3/library/ssl.html#ssl.SSLContext.check_hostname",)
    VALID = (
        Valid("""
            import ssl

            ctx = ssl.create_default_context()
            ctx.check_hostname = True
        """),
        Valid("""
            import ssl

            server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            server.check_hostname = False
        """),
    )
    INVALID = (
        Invalid("""
            import ssl

            ctx = ssl.create_default_context()
            # ruleid: EGR103
            ctx.check_hostname = False
        """, fixed="""
            import ssl

            ctx = ssl.create_default_context()
            # ruleid: EGR103
            ctx.check_hostname = True
        """),
        Invalid("""
            import urllib3

            # ruleid: EGR103
            pool = urllib3.PoolManager(assert_hostname=False)
        """, fixed="""
            import urllib3

            # ruleid: EGR103
            pool = urllib3.PoolManager()
        """),
    )

    def check(self, model):
        for weakening in weakenings(model, HOSTNAME):
            if not weakening.written_here:
                fix = None
            elif weakening.config is not None:
                fix = Fix("replace-value", safe=False, detail=(("literal", "True"),))
            else:
                keyword = weakening.setting.split("=", 1)[0]
                fix = Fix("remove-keyword", safe=False, detail=(("keyword", keyword),))
            yield self.report(weakening.node,
                              f"{weakening.subject} turns hostname verification off ({weakening.setting})", fix,
                              hint=f"check the host name: {weakening.remedy}" if weakening.remedy else "")
