"""EGR101: certificate verification disabled on an HTTP client call or client object."""
from typing import Optional

from ...analysis.tls import weakenings
from ...analysis.values import Const
from ...diagnostics import Fix
from ...libraries.spec import VERIFY
from ...rule import Invalid, Rule, Valid


class VerificationDisabled(Rule):
    code = "EGR101"
    slug = "verification-disabled"
    family = "tls-verify"
    weakens_tls = True
    cwe = (295,)
    summary = "Certificate verification disabled on an HTTP client call or client object"
    hint = 'remove it; for a private CA pass its bundle instead (verify="/path/to/ca.pem")'
    what = """
Finds HTTP client calls and client objects that turn off verification of the server's
certificate: `verify=False` (or `0`) on requests and httpx functions, sessions, clients and
transports; `session.verify = False`; httpx `verify=` given an SSLContext that does not verify;
aiohttp `ssl=False` / `verify_ssl=False` on session methods, `ws_connect` and `TCPConnector`;
urllib3 pools and managers made with `cert_reqs="CERT_NONE"`. Values are followed through
variables, constants, defaults, `**kwargs` dicts and `functools.partial`; the finding is reported
at the call or assignment that consumes the value and says where the value came from.

The same effect in database, cache, broker, search, cloud and other clients (keywords, dict
arguments such as `connect_args=` / `sslopt=`, connection-string options, Django and Celery
settings): PostgreSQL `sslmode="require"` (encrypted, server not verified), MySQL
`ssl_mode="REQUIRED"` / `ssl_verify_cert=False`, redis-py `ssl_cert_reqs=None`, pymongo
`tlsAllowInvalidCertificates` / `tlsInsecure`, `neo4j+ssc://` URLs, Kafka and confluent-kafka,
Elasticsearch / OpenSearch `verify_certs=False`, boto3 `verify=False`, ldap3 `Tls(validate=CERT_NONE)`,
python-ldap `OPT_X_TLS_REQUIRE_CERT` `NEVER`/`ALLOW`/`TRY`, `configuration.verify_ssl = False` on the
`Configuration` of an OpenAPI-generated client (kubernetes, influxdb-client, ...), paho-mqtt
`tls_set(cert_reqs=CERT_NONE)`, websocket-client `sslopt`, pycurl `SSL_VERIFYPEER` 0, httplib2 and
tornado, ODBC `TrustServerCertificate=yes`. The full list is in docs/coverage.md.
"""
    why = """
Without certificate verification the connection is encrypted but not authenticated: anyone on
the network path can present their own certificate, read the traffic and change it. This breaks
OWASP ASVS V9.2.3 (connections to external systems must be authenticated) and is CWE-295.
A self-signed or private-CA server does not need verification turned off: give the client the
CA bundle instead.
"""
    fix_safety = """
The fix removes the `verify=False` / `ssl=False` / `verify_ssl=False` keyword, deletes
`session.verify = False` and turns `cert_reqs="CERT_NONE"` into `"CERT_REQUIRED"`. It is unsafe:
a server whose certificate does not chain to a trusted CA (a self-signed one, say) will now be
refused. Only a value written at the call or assignment is fixed; one that comes from a constant,
a default or a `**kwargs` dict is reported but left for you to change where it is defined.
"""
    references = (
        "https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification",
        "https://www.python-httpx.org/advanced/ssl/",
        "https://docs.aiohttp.org/en/stable/client_advanced.html#ssl-control-for-tcp-sockets",
    )
    VALID = (
        Valid("""
            import requests

            requests.get("https://api.example.com/items", verify="/etc/ssl/certs/internal-ca.pem")
        """),
        Valid("""
            import os
            import certifi
            import httpx
            import requests

            requests.post("https://api.example.com/x", verify=certifi.where())
            httpx.get("https://api.example.com/x", verify=os.environ.get("CA_BUNDLE", True))
            requests.get("https://api.example.com/x", verify=True)
        """),
    )
    INVALID = (
        Invalid("""
            import requests

            # ruleid: EGR101
            requests.get("https://api.example.com/items", verify=False)
        """, fixed="""
            import requests

            # ruleid: EGR101
            requests.get("https://api.example.com/items")
        """),
        Invalid("""
            import requests as r

            SETTINGS = {"verify": False, "timeout": 5}

            def fetch(url):
                # ruleid: EGR101
                return r.get(url, **SETTINGS)
        """),
        Invalid("""
            import requests

            session = requests.Session()
            # ruleid: EGR101
            session.verify = False
            session.get("https://api.example.com/items")
        """, fixed="""
            import requests

            session = requests.Session()
            # ruleid: EGR101
            session.get("https://api.example.com/items")
        """),
        Invalid("""
            import aiohttp

            async def main():
                # ruleid: EGR101
                async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(ssl=False)) as session:
                    await session.get("https://api.example.com/")
        """, fixed="""
            import aiohttp

            async def main():
                # ruleid: EGR101
                async with aiohttp.ClientSession(connector=aiohttp.TCPConnector()) as session:
                    await session.get("https://api.example.com/")
        """),
    )

    def check(self, model):
        for weakening in weakenings(model, VERIFY):
            yield self.report(weakening.node,
                              f"{weakening.subject} disables certificate verification ({weakening.setting})",
                              _fix(weakening), hint=f"verify the server: {weakening.remedy}" if weakening.remedy else "")


def _fix(weakening) -> Optional[Fix]:
    if not weakening.written_here:
        return None
    if weakening.config is not None:
        return Fix("remove-statement", safe=False)
    name = weakening.setting.split("=", 1)[0]
    if name != "cert_reqs":
        return Fix("remove-keyword", safe=False, detail=(("keyword", name),))
    value = weakening.value
    if isinstance(value, Const) and isinstance(value.value, str):
        return Fix("replace-keyword-value", safe=False, detail=(("keyword", name), ("literal", '"CERT_REQUIRED"')))
    return Fix("replace-keyword-value", safe=False, detail=(("keyword", name), ("name", "ssl.CERT_REQUIRED")))
