"""EGR202: credentials or sensitive data sent over plain HTTP."""
from ...analysis.auth import auth_evidence, sensitive_fields
from ...analysis.hosts import policy_for
from ...analysis.transport import CLEARTEXT_STATE, credentials, insecure, tls_remedy, where
from ...analysis.urls import reaches_external_in_clear
from ...analysis.vocabulary import CREDENTIAL_NAMES_DOC, listing
from ...rule import Invalid, Rule, Valid


class CredentialsOverPlainHttp(Rule):
    code = "EGR202"
    slug = "credentials-over-plain-http"
    family = "cleartext"
    cwe = (319, 523)
    asvs = ("V9.2.3", "V9.1.1", "V2.8.7")
    summary = "Credentials or sensitive data sent over plain HTTP"
    hint = "send it only over https://; rotate any credential that has already gone out in clear"
    options = ("allowed-hosts", "sensitive-keys", "auth-headers")
    what = f"""
Finds requests over plain `http://` (or `ws://`) to a non-exempt host that carry credentials or
sensitive data: `auth=`, an `Authorization` / `Proxy-Authorization` header or any header whose name
is a credential name (see below and the `auth-headers` option), a `Cookie` header or `cookies=`,
set on the call, on the `Request` object or on the session or client that sends it; a credential in
the body, the query string or spliced into the URL path (`/bot{{token}}/`); or a body or query key
that names sensitive data (card number, IBAN, date of birth, ...; `sensitive-keys` adds entries).
The message names the header or key, never its value.
{CREDENTIAL_NAMES_DOC}
"""
    why = """
Credentials sent in clear text can be read by anyone on the network path and replayed until they
are rotated (CWE-319, CWE-523). This is the most damaging case of an unencrypted connection.
"""
    references = ("https://cwe.mitre.org/data/definitions/523.html",)
    VALID = (
        Valid("""
            import requests

            requests.post("https://api.example.com/login", json={"password": "from-a-vault"})
            requests.get("http://localhost:8080/admin", auth=("admin", "from-env"))
        """),
    )
    INVALID = (
        Invalid("""
            import os
            import requests

            session = requests.Session()
            session.headers["Authorization"] = "Bearer " + os.environ["TOKEN"]
            # ruleid: EGR201, EGR202
            session.get("http://api.example.com/v1/accounts")
        """),
        Invalid("""
            import requests

            def login(user, password):
                # ruleid: EGR201, EGR202
                return requests.post("http://auth.example.com/login", data={"user": user, "password": password})
        """),
        Invalid("""
            import os
            import influxdb_client

            config = influxdb_client.Configuration()
            # ruleid: EGR201, EGR202
            config.host = "http://metrics.example.com:8086"
            config.api_key["Authorization"] = os.environ["INFLUX_TOKEN"]
        """),
    )

    def check(self, model):
        policy = policy_for(tuple(self.settings["allowed-hosts"]))
        for point in model.egress_points():
            if point.kind != "request" or point.api.protocol is not None:  # connections: below
                continue
            url = model.url(point)
            if not reaches_external_in_clear(url, policy):
                continue
            carried = [e.detail for e in auth_evidence(model, point, self.settings["auth-headers"]) if e.is_credential]
            carried_set = set(carried)
            fields = [f for f in sensitive_fields(model, point, self.settings["sensitive-keys"], include_query=True)
                      if f"{f} field" not in carried_set and f"{f} query key" not in carried_set]
            if not carried and not fields:
                continue
            what = []
            if carried:
                what.append("credentials (" + listing(carried) + ")")
            if fields:
                what.append("sensitive fields (" + listing(fields) + ")")
            yield self.report(point.node, f"{point.subject} sends {' and '.join(what)} over plain "
                                          f"{url.scheme.upper()} to {url.display}")
        # Database, cache and broker connections that log in over a cleartext connection.
        for connection, result in insecure(model, policy, CLEARTEXT_STATE):
            names = list(dict.fromkeys(name for name, _, _ in credentials(model, connection)))
            if names:
                yield self.report(connection.node, f"{connection.subject} sends credentials ({', '.join(names)}) "
                                                   f"over a cleartext {result.protocol} connection to "
                                                   f"{where(connection, result)}",
                                  hint=f"use {tls_remedy(connection)}; rotate any credential that has already "
                                       f"gone out in clear")
