"""EGR302: credentials in the URL."""
from ...analysis.sensitivity import credentials_in_url
from ...analysis.transport import connection_of, connections, secret_remedy, url_password
from ...analysis.vocabulary import CREDENTIAL_NAMES_DOC, listing
from ...rule import Invalid, Rule, Valid


class CredentialsInUrl(Rule):
    code = "EGR302"
    slug = "credentials-in-url"
    family = "auth"
    cwe = (598,)
    asvs = ("V9.2.3", "V13.1.3")
    summary = "Credentials in the URL (user info or query string)"
    hint = "send credentials in a header (Authorization / X-API-Key) or auth=, never in the URL"
    what = f"""
Finds outbound requests whose URL carries a credential: user info with a password
(`https://user:pass@host`, or a user name filled in from a variable), a query parameter with a
credential name — written in the URL (literal, f-string, `%`, `.format`, a `urlencode({{...}})`
spliced in; also in a path its callers pass to a function that joins it onto a base:
`session.get(base + "/" + path)` called with `"reports?access_token=..."`), passed as `params=` (a dict, a list of pairs, a dict built by item stores, `.copy()`,
`.update()` or `dict(...)`, or returned by a function of the module or of a project module it
imports, such as `params=signed_query(page=2)`), or set on the session (`session.params`) — or a `;key=value` path
parameter with a credential name (`;api_key=`, `;jsessionid=`). Connection strings count the same
(`postgresql://user:pass@db`, `redis://:pass@cache`), also when a setting holds them (Celery's
`broker_url` / `result_backend`, module-level or through `app.conf`). The word `password` as a query
*value* is fine. The message names the key, never the value.

A credential spliced into the URL *path* (`/bot{{token}}/`, `/webhooks/{{id}}/{{webhook_token}}`) is
not reported here: that is how capability URLs work, and it counts as the request's
authentication for EGR301.
{CREDENTIAL_NAMES_DOC}"""
    why = """
URLs are written to server access logs, proxy logs, browser and shell history and error reports,
and sent on in `Referer` headers: a credential in a URL leaks to everyone who can read those
(CWE-598). ASVS V13.1.3 forbids sensitive information in URLs.
"""
    VALID = (
        Valid("""
            import os
            import requests

            requests.get("https://api.example.com/search", params={"q": "password", "page_token": "abc"},
                         headers={"X-API-Key": os.environ["API_KEY"]})
        """),
    )
    INVALID = (
        Invalid("""
            import os
            import requests

            # ruleid: EGR302
            requests.get("https://api.example.com/items", params={"api_key": os.environ["API_KEY"]})
        """),
        Invalid("""
            import os
            import requests

            def fetch(user):
                # ruleid: EGR302
                return requests.get(f"https://{user}:{os.environ['PASSWORD']}@api.example.com/items")
        """),
        Invalid("""
            import requests
            from urllib.parse import urlencode

            def feed(push_key):
                # ruleid: EGR302
                return requests.get(f"https://push.example.com/feed?{urlencode({'push_key': push_key})}")
        """),
    )

    def check(self, model):
        for point in model.egress_points():
            found = credentials_in_url(model, point)
            if found:
                connection = connection_of(model, point)
                hint = secret_remedy(connection.api) if connection is not None else ""
                yield self.report(point.node, f"{point.subject} puts a credential in the URL ({listing(found)})",
                                  hint=hint)
        # Connection URLs of settings (Celery ``broker_url``, ``app.conf.result_backend``): no egress
        # point of their own, the same user info.
        for connection in connections(model):
            if connection.point is None and url_password(connection.url):
                yield self.report(connection.node, f"{connection.subject} puts a credential in the URL (user info)",
                                  hint=secret_remedy(connection.api))
