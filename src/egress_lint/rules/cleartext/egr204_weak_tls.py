"""EGR204: TLS older than 1.2 or broken cipher suites."""
from ...analysis.tls import weakenings
from ...diagnostics import Fix
from ...libraries.spec import PROTOCOL
from ...rule import Invalid, Rule, Valid


class WeakTls(Rule):
    code = "EGR204"
    slug = "weak-tls"
    family = "cleartext"
    cwe = (326, 327)
    asvs = ("V9.2.3", "V9.1.3")
    summary = "TLS protocol older than 1.2 or weak cipher suites"
    hint = "require TLS 1.2+ (ssl.create_default_context(), minimum_version = TLSVersion.TLSv1_2), default ciphers"
    what = """
Finds TLS set up with a protocol older than TLS 1.2 or with broken cipher suites:
`ssl.PROTOCOL_SSLv2`, `PROTOCOL_SSLv3`, `PROTOCOL_TLSv1` and `PROTOCOL_TLSv1_1` given to
`SSLContext()`, `ssl.wrap_socket(ssl_version=...)` or urllib3 (`ssl_version=`,
`ssl_minimum_version=`); `minimum_version` set to `TLSVersion.SSLv3`, `TLSv1` or `TLSv1_1`;
`maximum_version` capped below TLS 1.2; pyOpenSSL `SSL.Context(SSLv2_METHOD ... TLSv1_1_METHOD)`; and
`set_ciphers()` / `set_cipher_list()` strings that enable NULL, aNULL, eNULL, EXPORT, RC4, DES,
3DES or MD5 suites. `PROTOCOL_SSLv23` is an alias of `PROTOCOL_TLS` and is not reported, nor is a
cipher string that only excludes weak suites (`HIGH:!aNULL:!RC4:!MD5`).
"""
    why = """
SSL 2/3 and TLS 1.0/1.1 have known attacks (POODLE, BEAST) and are deprecated by RFC 8996; the
listed cipher suites give no or breakable encryption (CWE-326, CWE-327). OWASP ASVS V9.1.3 asks for
current TLS versions and strong cipher suites only.
"""
    fix_safety = """
The fix replaces a weak protocol constant with `ssl.PROTOCOL_TLS_CLIENT` and a weak
`minimum_version` with `ssl.TLSVersion.TLSv1_2`. It is unsafe: servers that only speak old
protocols will be refused.
"""
    references = ("https://www.rfc-editor.org/rfc/rfc8996",)
    VALID = (
        Valid("""
            import ssl

            ctx = ssl.create_default_context()
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            ctx.set_ciphers("ECDHE+AESGCM:!aNULL:!MD5:!RC4")
        """),
    )
    INVALID = (
        Invalid("""
            import ssl

            # ruleid: EGR204
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
        """),
        Invalid("""
            import ssl

            ctx = ssl.create_default_context()
            # ruleid: EGR204
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            # ruleid: EGR204
            ctx.set_ciphers("ALL:RC4-SHA")
        """, fixed="""
            import ssl

            ctx = ssl.create_default_context()
            # ruleid: EGR204
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            # ruleid: EGR204
            ctx.set_ciphers("ALL:RC4-SHA")
        """),
    )

    def check(self, model):
        for weakening in weakenings(model, PROTOCOL):
            fix = None
            name = weakening.setting.split("=", 1)[0].split(" ", 1)[0]
            if not weakening.written_here:
                pass
            elif weakening.config is None and name in ("protocol", "ssl_version"):
                fix = Fix("replace-keyword-value", safe=False,
                          detail=(("keyword", name), ("name", "ssl.PROTOCOL_TLS_CLIENT")))
            elif weakening.config is not None and weakening.config.attr == "minimum_version":
                fix = Fix("replace-value", safe=False, detail=(("name", "ssl.TLSVersion.TLSv1_2"),))
            yield self.report(weakening.node, f"{weakening.subject} allows weak TLS ({weakening.setting})", fix)
