"""EGR201: a plain http:// or ws:// URL reaching an outbound call to an external host."""
from ...analysis.hosts import policy_for
from ...analysis.transport import CLEARTEXT_STATE, insecure, tls_remedy, where
from ...analysis.urls import literal_scheme_at_call, reaches_external_in_clear
from ...diagnostics import Fix, Severity
from ...rule import Invalid, Rule, Valid


class PlainHttpRequest(Rule):
    code = "EGR201"
    slug = "plain-http-request"
    family = "cleartext"
    severity = Severity.WARNING
    cwe = (319,)
    asvs = ("V9.2.3", "V9.1.1")
    summary = "Plain http:// or ws:// request to an external host"
    hint = "use https:// (or wss://); list internal hosts in allowed-hosts"
    options = ("allowed-hosts",)
    what = """
Finds outbound requests whose URL is plain `http://` or `ws://` and whose host is not exempt:
requests, httpx (also a client's `base_url`), aiohttp (also `ws_connect`), urllib.request
(`urlopen`, `urlretrieve`, openers, `Request` objects sent later), urllib3, `websockets.connect`
and `websocket.create_connection`, httplib2, tornado and pycurl (`setopt(pycurl.URL, ...)`; a single-label
host name counts as internal there, as for connections). URLs are followed through constants, f-strings and
concatenations with a literal head, `%` and `.format` templates and `urljoin`. Only URLs that reach
a call count: a URL in a docstring, comment, log message or XML namespace is never reported.

Exempt by default are hosts that cannot reach an external system: `localhost` and `*.localhost`,
`127.0.0.0/8`, `::1`, `0.0.0.0`, `169.254.169.254`, `metadata.google.internal` and the special-use
TLDs `.test`, `.invalid` and `.example`. Hosts match exactly, never by prefix:
`localhost.example.com` is external.
"""
    why = """
Plain HTTP is neither encrypted nor authenticated: anyone on the path can read the request and the
response and change either (CWE-319). OWASP ASVS V9.1.1 asks for TLS on every connection and V9.2.3
for authenticated connections to external systems.
"""
    fix_safety = """
The fix changes `http://` to `https://` (and `ws://` to `wss://`) in a literal URL or literal URL
head. It is unsafe: a server that does not speak TLS on the same host will now fail.
"""
    references = ("https://cwe.mitre.org/data/definitions/319.html",)
    VALID = (
        Valid("""
            import requests

            requests.get("https://api.example.com/status")
            requests.get("http://localhost:8080/health")
            requests.get("http://127.0.0.1:9200/_cluster/health")
        """),
        Valid('''
            import logging
            import requests

            log = logging.getLogger(__name__)

            def fetch(url):
                """Fetch a page, e.g. http://example.com/docs."""
                log.info("falling back to http://%s", url)
                return requests.get(url.replace("http://", "https://"))
        '''),
    )
    INVALID = (
        Invalid("""
            import requests

            # ruleid: EGR201
            requests.get("http://api.example.com/status")
        """, fixed="""
            import requests

            # ruleid: EGR201
            requests.get("https://api.example.com/status")
        """),
        Invalid("""
            import httpx

            def client(host):
                # ruleid: EGR201
                return httpx.Client(base_url=f"http://{host}/api")
        """, fixed="""
            import httpx

            def client(host):
                # ruleid: EGR201
                return httpx.Client(base_url=f"https://{host}/api")
        """),
    )

    def check(self, model):
        policy = policy_for(tuple(self.settings["allowed-hosts"]))
        for point in model.egress_points():
            if point.api.connection:
                continue  # cleartext connection classes are EGR203's
            url = model.url(point)
            # A URL inherited from a client's base_url is reported once, where the client is made.
            if url is None or url.source == "base" or not reaches_external_in_clear(url, policy):
                continue
            secure = "wss" if url.scheme == "ws" else "https"
            fix = None if not literal_scheme_at_call(point) else Fix("replace-scheme", safe=False, detail=(("from", f"{url.scheme}://"), ("to", f"{secure}://")))
            yield self.report(point.node, f"{point.subject} sends a request over plain {url.scheme.upper()} to "
                                          f"{url.display}", fix)
        # Connection URLs with a cleartext scheme (redis://, amqp://, mqtt://, ldap://; the scheme table).
        for connection, result in insecure(model, policy, CLEARTEXT_STATE):
            if result.by_scheme:
                yield self.report(connection.node, f"{connection.subject} connects over plain {result.scheme}:// to "
                                                   f"{where(connection, result)}",
                                  hint=f"use {tls_remedy(connection)}; list internal hosts in allowed-hosts")
