"""EGR301: a sensitive outbound call that carries no authentication."""
from ...analysis.auth import auth_evidence, sensitive_data_fields
from ...analysis.hosts import policy_for
from ...analysis.sensitivity import (MUTATING_METHODS, authenticated_targets, http_method, opaque_client,
                                     project_authenticated_targets, sensitive_segment, target_keys)
from ...analysis.vocabulary import CREDENTIAL_NAMES_DOC, listing
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
    what = f"""
Finds requests that carry no credential although there is a positive reason they need one, and
says which reason in the message:

1. **Sensitive data**: the body or query sends a key that names sensitive data — card number, CVV,
   IBAN, account or routing number, SSN, date of birth, passport or tax id, medical record, ...
   (whole words of the key; the `sensitive-keys` option adds entries). The host must be known and
   not exempt (`allowed-hosts`).
2. **Sensitive function**: a state-changing method (POST, PUT, PATCH, DELETE) on a URL path with a
   segment in `sensitive-paths` (admin, payments, transfer, users, accounts, ...; whole segments,
   so `/authors` is not `/auth`). The host must be known and not exempt. A path that ends in a read
   action (`/users/search`, `/accounts/lookup`, `query`, `find`, `count`, `suggest`) is a query sent
   as a POST, not a state change (the next reason still applies to it).
3. **The forgotten credential**: a state-changing request (POST, PUT, PATCH, DELETE) sends no
   credential, while another request to the same host, or built from the same base-URL constant,
   sends one: in the same module, or in a project module this module imports that makes requests
   itself (the message names the file and line). Modules that import neither are not searched. (A read of the same host without credentials is common and
   legitimate: public reads, authenticated writes.)

"Any POST without auth" is not a finding: an anonymous paste, a search or an analytics event is
not sensitive. A request carries a credential when it has `auth=`, a credential header (any
`auth-headers` entry, `Authorization`, `Cookie`, or a header whose name is a credential name such as
`X-Postmark-Server-Token` or `authkey`), `cookies=`, a client certificate (`cert=`,
`load_cert_chain`), a credential-named field in its body (`json=`, `data=`, a `json.dumps` or
`urlencode` of a dict, a dict built by item stores, `.copy()`, `.update()`, `dict(...)`), a
credential in the query string (reported by EGR302 instead), or a credential spliced into the URL
path (`/bot{{token}}/`, a webhook's `/{{id}}/{{webhook_token}}`); on the call, on the `Request` object it
sends, or on its session or client wherever in the module that is configured, including OAuth
sessions. Where the code does not show what is sent — headers or `auth=` from a function call or a
parameter, a query (`params=`) from a function call whose result it cannot read, `**kwargs`, a client
class that overrides `request`/`send` — the rule stays silent. A
body passed in by a caller does not silence reasons 1 and 2.
{CREDENTIAL_NAMES_DOC}"""
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
            requests.post("https://paste.example.com/documents", data="anonymous text")
            requests.get("https://api.example.com/authors")
        """),
        Valid("""
            import os
            import requests

            def notify(token, text):
                requests.post(f"https://api.chat.example.com/bot{token}/sendMessage", json={"text": text})
                requests.post("https://push.example.com/1/messages", data={"token": token, "message": text})
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

            def enrol(member):
                # ruleid: EGR301
                httpx.post("https://members.example.com/enrol", json={"name": member.name, "iban": member.iban})
        """),
        Invalid("""
            import os
            import requests

            API = "https://api.example.com/v1"

            def items():
                return requests.get(API + "/items", headers={"X-API-Key": os.environ["API_KEY"]})

            def delete_item(item_id):
                # ruleid: EGR301
                return requests.delete(f"{API}/items/{item_id}")
        """),
    )

    def check(self, model):
        settings = self.settings
        auth_headers = settings["auth-headers"]
        policy = policy_for(tuple(settings["allowed-hosts"]))
        authenticated = None
        for point in model.egress_points():
            if point.kind != "request":
                continue
            url = model.url(point)
            if url is not None and (url.local or (url.host is not None and policy.exempt(url.host))):
                continue
            if auth_evidence(model, point, auth_headers) or opaque_client(point.client):
                continue  # authenticated, or the code does not show what is sent
            reason = None
            method = http_method(model, point)
            if url is not None and url.host is not None:
                fields = sensitive_data_fields(model, point, settings["sensitive-keys"])
                segment = sensitive_segment(model, point, settings["sensitive-paths"]) \
                    if method in MUTATING_METHODS else None
                if fields:
                    reason = f"sends sensitive data ({listing(fields)}) to {url.display}"
                elif segment is not None:
                    reason = f"calls a sensitive function ({method} /{segment}) at {url.display}"
            if reason is None and method in MUTATING_METHODS:
                if authenticated is None:
                    authenticated = authenticated_targets(model, auth_headers)
                keys = target_keys(model, point, url)
                for key in keys:
                    other = authenticated.get(key)
                    if other is not None and other[0] != point.line:
                        reason = self._forgotten(key, url, f"on line {other[0]}", other[1])
                        break
                if reason is None and keys:
                    # the same host or base URL, authenticated in a project module this one imports
                    elsewhere = project_authenticated_targets(model, auth_headers)
                    for key in keys:
                        other = elsewhere.get(key)
                        if other is not None:
                            reason = self._forgotten(key, url, f"at {other[0]}", other[1])
                            break
            if reason is not None:
                yield self.report(point.node, f"{point.subject} {reason}, and this one carries none")

    @staticmethod
    def _forgotten(key, url, where_other: str, carried: str) -> str:
        name = key[1].split(",", 1)[0]
        what = f"host {key[1]}" if key[0] == "host" else f"base URL {name}"
        where = url.display if url is not None else f"a URL built from {name}"
        return f"calls {where}, but the request {where_other} to the same {what} sends credentials ({carried})"
