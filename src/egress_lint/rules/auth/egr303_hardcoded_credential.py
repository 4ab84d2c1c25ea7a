"""EGR303: a hard-coded credential reaching an outbound call."""
from ...analysis.auth import call_auth_evidence, client_auth_evidence, literal_credential
from ...analysis.transport import connections, credentials, literal_secret
from ...analysis.units import Units
from ...rule import Invalid, Rule, Valid


class HardcodedCredential(Rule):
    code = "EGR303"
    slug = "hardcoded-credential"
    family = "auth"
    cwe = (798,)
    asvs = ("V9.2.3", "V2.10.4", "V6.4.1")
    summary = "Hard-coded credential sent by an outbound call"
    hint = "read it from the environment or a secret store (os.environ[...], a vault client)"
    options = ("auth-headers",)
    what = """
Finds credentials written in the source that reach an outbound call or a client that makes them:
a literal password in `auth=("user", "...")`, `HTTPBasicAuth` / `httpx.BasicAuth` /
`aiohttp.BasicAuth("user", "...")`, a literal `Bearer ...` / `Basic ...` / `Token ...` value of an
`Authorization` header, the literal value of any credential header (`auth-headers`, or a header
whose name is a credential name such as `X-Api-Key` or `X-Mailer-Server-Token`), and the literal
value of a credential-named body field (`data={"token": "..."}`); on the call or on the session or
client, also through constants and parameter defaults. Every host counts, loopback included: a
password in the source is in every clone of the repository wherever it is sent. The message says
where the credential is and where its value came from; it never prints the value.

**What is not a secret.** Empty strings; placeholders (`<token>`, `{token}`, `changeme`, `xxx`,
`***`, `YOUR_API_KEY`, `your-token`, `secret`, `password`, `test`, `dummy`, ...); URIs (anything with
`://`); a bare scheme name (`Negotiate`, `Bearer`, `Basic`, `NTLM`). For a header or field that is
a credential only by its name, plain words such as `no-check` or `disabled`, and values shorter than
six characters, are switches rather than secrets and are not reported either. A default password
such as `admin` passed to `auth=` is reported: it is the classic hard-coded credential. (In the
real-code corpus of docs/accuracy.md, placeholders appear in configuration templates and usage
examples — `"<application key>"`, `"YOUR-TOKEN"`, `"changeme"`, `"***"` — where a finding would only
ask the reader to confirm what the text already says.)
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
        seen = set()
        evidence = []
        for point in model.egress_points():
            evidence += [(point.subject, e) for e in call_auth_evidence(model, point, settings["auth-headers"])]
        for client in model.client_objects():
            evidence += [(client.type.name, e) for e in client_auth_evidence(model, client, settings["auth-headers"])]
        for subject, item in Units(evidence):
            source = literal_credential(model, item)
            key = (id(item.node), item.detail)
            if source is None or key in seen:
                continue
            seen.add(key)
            yield self.report(item.node, f"{subject} sends a hard-coded credential ({item.detail}: {source})")
        # Passwords of database, cache and broker connections (password=, Django PASSWORD).
        for connection in connections(model):
            for name, value, node in credentials(model, connection):
                source = literal_secret(value) if name != "a password in the connection string" else None
                if source is not None and (id(node), name) not in seen:
                    seen.add((id(node), name))
                    # "password= a literal"; a name of its own reads "PASSWORD: a literal"
                    said = f"{name} {source}" if name.endswith("=") else f"{name}: {source}"
                    yield self.report(node, f"{connection.subject} sends a hard-coded credential ({said})")
