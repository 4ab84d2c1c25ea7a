"""EGR301: a sensitive outbound call that carries no authentication."""
from ...analysis.auth import auth_evidence
from ...analysis.hosts import policy_for
from ...analysis.sensitivity import credential_fields, credentials_in_url, sensitivity
from ...diagnostics import Severity
from ...rule import Invalid, Rule, Valid


class UnauthenticatedSensitiveCall(Rule):
    code = "EGR301"
    slug = "unauthenticated-sensitive-call"
    family = "auth"
    severity = Severity.WARNING
    cwe = (306,)
    asvs = ("V9.2.3", "V4.1.1")
    precision = "medium"
    summary = "Sensitive outbound call with no authentication"
    hint = "authenticate the call (auth=, an Authorization or API-key header, a client certificate, an OAuth session)"
    options = ("allowed-hosts", "sensitive-keys", "sensitive-paths", "auth-headers")
    what = """
Finds requests to a non-exempt host that send sensitive data or perform a sensitive function but
carry no authentication. Sensitive means: a mutating method (POST, PUT, PATCH, DELETE), a URL path
segment in `sensitive-paths` (auth, login, token, oauth, admin, payments, transfer, accounts,
users, ...; whole segments, so `/authors` is not `/auth`), or body or query keys in
`sensitive-keys`. Authentication is looked for on the call, on the `Request` object it sends, and
on its session or client (wherever in the module it is configured, including in `__init__` or a
factory function): `auth=`, auth headers (`auth-headers`), client certificates (`cert=`,
`load_cert_chain`), cookies, OAuth sessions, and credentials in the body itself (a login form's
`password`, a token request's `client_secret`). A read-only GET of a public path is not reported, and
neither is a call whose URL or headers the code does not show.
"""
    why = """
ASVS V9.2.3 asks that connections to external systems involving sensitive information or functions
are authenticated. A sensitive call without credentials either relies on the network for trust
(anyone who can reach the endpoint can call it) or is a bug where credentials were forgotten
(CWE-306).
"""
    references = ("https://owasp.org/www-project-application-security-verification-standard/",)
    VALID = (
        Valid("""
            import os
            import requests

            requests.post("https://api.example.com/payments", json={"amount": 10},
                          headers={"Authorization": "Bearer " + os.environ["API_TOKEN"]})
            requests.get("https://api.example.com/authors")
        """),
        Valid("""
            import os
            import requests

            def make_session():
                session = requests.Session()
                session.auth = ("robot", os.environ["ROBOT_PASSWORD"])
                return session

            make_session().post("https://api.example.com/transfers", json={"amount": 5})
        """),
    )
    INVALID = (
        Invalid("""
            import requests

            # ruleid: EGR301
            requests.post("https://api.example.com/payments", json={"amount": 10})
        """),
        Invalid("""
            import httpx

            # ruleid: EGR301
            httpx.get("https://api.example.com/admin/users")
        """),
    )

    def check(self, model):
        settings = self.settings
        policy = policy_for(tuple(settings["allowed-hosts"]))
        for point in model.egress_points():
            if point.kind != "request":
                continue
            url = model.url(point)
            if url is None or url.host is None or policy.exempt(url.host):
                continue
            reasons = sensitivity(model, point, settings["sensitive-keys"], settings["sensitive-paths"])
            if not reasons or auth_evidence(model, point, settings["auth-headers"]):
                continue
            if credentials_in_url(model, point):
                continue  # authenticated, badly: EGR302 reports it
            if credential_fields(model, point):
                continue  # a login or token request: the body is the authentication
            yield self.report(point.node, f"{point.subject} makes a sensitive request ({'; '.join(reasons)}) to "
                                          f"{url.display} with no authentication")
