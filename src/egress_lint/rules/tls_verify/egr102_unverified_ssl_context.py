"""EGR102: an SSL context that does not verify certificates, created or passed to a connection."""
from ...analysis.contexts import pinned_nodes
from ...analysis.tls import weakenings
from ...diagnostics import Fix
from ...libraries import ssl as ssl_table
from ...libraries.spec import CONTEXT, CONTEXT_VERIFY_MODE
from ...rule import Invalid, Rule, Valid

# The arguments _create_unverified_context() shares with create_default_context(); a call with any other
# (a protocol, certfile=, check_hostname=...) has no one-to-one replacement.
_DEFAULT_CONTEXT_KEYWORDS = ("purpose", "cafile", "capath", "cadata")


class UnverifiedSslContext(Rule):
    code = "EGR102"
    slug = "unverified-ssl-context"
    family = "tls-verify"
    weakens_tls = True
    cwe = (295,)
    summary = "Unverified SSL context created or passed to a connection"
    hint = "use ssl.create_default_context() (add cafile= for a private CA)"
    what = """
Finds SSL contexts that accept any certificate: `ssl._create_unverified_context()`,
`ctx.verify_mode = ssl.CERT_NONE` on a client context, `ssl.wrap_socket()` with
`cert_reqs=CERT_NONE` (or without `cert_reqs`, whose default is `CERT_NONE`), and every call that
hands such a context to a connection (`urlopen(context=...)`, `HTTPSConnection(context=...)`,
`HTTPSHandler(context=...)`, `ctx.wrap_socket(...)`), including a bare `ssl.SSLContext()` /
`SSLContext(PROTOCOL_TLS)` whose verification was never set up. Server-side contexts
(`PROTOCOL_TLS_SERVER`, `Purpose.CLIENT_AUTH`) are not reported: there `CERT_NONE` only means
that no client certificate is asked for.

Certificate pinning written by hand is verification: when a function reads the peer certificate of
the very socket or connection it made (`tls.getpeercert(binary_form=True)`, `conn.sock.getpeercert(True)`),
hashes it with `hashlib` and compares the digest with a pinned value in an `assert` or in the test
of an `if` that raises or returns (`==`, `!=`, `in`, `hmac.compare_digest`), the call that made that socket or connection
is not reported, nor is the context when it is made in that function and serves nothing else. The
same holds for an `HTTPSConnection` subclass whose `connect()` calls `super().connect()` and then
checks the pin on `self.sock`: the context its `__init__` makes and hands to `super().__init__`
is not reported. A helper of the module counts as well when it is given the socket or connection
(`check_pin(tls, pins)`), reads its certificate, compares the digest and raises on a mismatch, and
the function that made the socket calls it on every path (not under an `if`; inside a `try` only
when every handler raises again). The check itself, in the function or in the helper, must run on
every path too: a digest test under `if pins:` leaves the other branch unverified, and the finding
stays (a loop over digest algorithms or pins is fine). A check in any other function, a helper that
only returns a verdict, a context also returned or used for another
connection, a printed fingerprint or a mismatch that is only logged is not a pin here, and the
finding stays.
"""
    why = """
A client context with `CERT_NONE` completes the TLS handshake with any server, so the connection
is not authenticated (OWASP ASVS V9.2.3, CWE-295). `ssl.SSLContext()` made without
`PROTOCOL_TLS_CLIENT` starts with `verify_mode = CERT_NONE`, which is easy to miss.
"""
    fix_safety = """
The fix turns `ssl._create_unverified_context()` into `ssl.create_default_context()` and
`ctx.verify_mode = ssl.CERT_NONE` into `ssl.CERT_REQUIRED`. It is unsafe: servers whose
certificates do not verify will be refused. A call that passes arguments `create_default_context()`
does not take (a protocol, `certfile=`, `check_hostname=`), a context handed to a connection and
`ssl.wrap_socket()` are reported but not fixed.
"""
    references = ("https://docs.python.org/3/library/ssl.html#security-considerations",)
    VALID = (
        Valid("""
            import ssl
            import urllib.request

            ctx = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
            urllib.request.urlopen("https://intranet.example.com/", context=ctx)
        """),
        Valid("""
            import ssl

            server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            server.verify_mode = ssl.CERT_NONE
        """),
    )
    INVALID = (
        Invalid("""
            import ssl
            import urllib.request

            # ruleid: EGR102
            ctx = ssl._create_unverified_context()
            # ruleid: EGR102
            urllib.request.urlopen("https://api.example.com/", context=ctx)
        """, fixed="""
            import ssl
            import urllib.request

            # ruleid: EGR102
            ctx = ssl.create_default_context()
            # ruleid: EGR102
            urllib.request.urlopen("https://api.example.com/", context=ctx)
        """),
        Invalid("""
            import http.client
            import ssl

            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS)
            # ruleid: EGR102
            conn = http.client.HTTPSConnection("api.example.com", context=ctx)
        """),
    )

    def check(self, model):
        pinned = pinned_nodes(model)
        for site in model.calls_to(ssl_table.UNVERIFIED_FACTORY):
            if id(site.call) in pinned:
                continue  # a context serving only connections whose fingerprint is checked by hand
            fix = None
            if all(k.arg in _DEFAULT_CONTEXT_KEYWORDS for k in site.call.keywords) and not site.call.args:
                fix = Fix("replace-callee", safe=False, detail=(("name", ssl_table.DEFAULT_FACTORY),))
            yield self.report(site.call, f"{ssl_table.UNVERIFIED_FACTORY}() makes a context that accepts any "
                                         "certificate", fix)
        for weakening in weakenings(model, CONTEXT_VERIFY_MODE):
            fix = None
            if weakening.config is not None and weakening.written_here:
                fix = Fix("replace-value", safe=False, detail=(("name", "ssl.CERT_REQUIRED"),))
            yield self.report(weakening.node,
                              f"{weakening.subject} turns certificate verification off ({weakening.setting})", fix)
        for weakening in weakenings(model, CONTEXT):
            yield self.report(weakening.node,
                              f"{weakening.subject} is given an SSL context that does not verify certificates "
                              f"({weakening.setting})")
