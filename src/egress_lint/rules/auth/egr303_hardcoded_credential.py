"""EGR303: a hard-coded credential reaching an outbound call."""
from ...analysis.auth import call_auth_evidence, client_auth_evidence, literal_credential
from ...analysis.hosts import policy_for
from ...analysis.urls import client_base
from ...rule import Invalid, Rule, Valid


class HardcodedCredential(Rule):
    code = "EGR303"
    slug = "hardcoded-credential"
    family = "auth"
    cwe = (798,)
    asvs = ("V9.2.3", "V2.10.4", "V6.4.1")
    summary = "Hard-coded credential sent by an outbound call"
    hint = "read it from the environment or a secret store (os.environ[...], a vault client)"
    options = ("allowed-hosts", "auth-headers")
    what = """
Finds credentials written in the source that reach an outbound call or a client that makes them:
a literal password in `auth=("user", "...")`, `HTTPBasicAuth` / `httpx.BasicAuth` /
`aiohttp.BasicAuth("user", "...")`, or a literal `Bearer ...` / `Basic ...` / `Token ...` or API-key
header value, on the call or on the session or client, also through constants and parameter
defaults. Requests to exempt hosts (localhost, `.test`, ...) are not reported. The message says
where the credential is and where its value came from; it never prints the value.
"""
    why = """
A credential in the source is in every clone, fork, backup and CI log of the repository, cannot be
rotated without a release, and usually ends up shared between environments (CWE-798).
"""
    VALID = (
        Valid("""
            import os
            import requests

            requests.get("https://api.example.com/items", auth=("robot", os.environ["ROBOT_PASSWORD"]))
        """),
    )
    INVALID = (
        Invalid("""
            import requests

            API_TOKEN = "sk_live_51H8xQ2eZvKYlo2C"
            session = requests.Session()
            # ruleid: EGR303
            session.headers["Authorization"] = "Bearer " + API_TOKEN
        """),
        Invalid("""
            import requests

            # ruleid: EGR303
            requests.get("https://api.example.com/items", auth=("robot", "hunter2"))
        """),
    )

    def check(self, model):
        settings = self.settings
        policy = policy_for(tuple(settings["allowed-hosts"]))
        seen = set()
        evidence = []
        for point in model.egress_points():
            url = model.url(point)
            if url is not None and url.host is not None and policy.exempt(url.host):
                continue
            evidence += [(point.subject, e) for e in call_auth_evidence(model, point, settings["auth-headers"])]
        for client in model.client_objects():
            base = client_base(model, client)
            if base is not None and base.host is not None and policy.exempt(base.host):
                continue
            evidence += [(client.type.name, e) for e in client_auth_evidence(model, client, settings["auth-headers"])]
        for subject, item in evidence:
            source = literal_credential(model, item)
            key = (id(item.node), item.detail)
            if source is None or key in seen:
                continue
            seen.add(key)
            yield self.report(item.node, f"{subject} sends a hard-coded credential ({item.detail}: {source})")
