"""OAuth client sessions: requests-oauthlib and Authlib. A request through one is authenticated."""
from . import httpx as httpx_table
from .requests import session_type
from dataclasses import replace

from .spec import FALSE, VERIFY, Api, Arg, ClientType, Library, TlsSwitch

_REQUESTS_SESSIONS = (
    "requests_oauthlib.OAuth1Session",
    "requests_oauthlib.OAuth2Session",
    "authlib.integrations.requests_client.OAuth1Session",
    "authlib.integrations.requests_client.OAuth2Session",
)
_HTTPX_CLIENTS = (
    ("authlib.integrations.httpx_client.OAuth2Client", httpx_table.CLIENT),
    ("authlib.integrations.httpx_client.AsyncOAuth2Client", httpx_table.ASYNC_CLIENT),
    ("authlib.integrations.httpx_client.OAuth1Client", httpx_table.CLIENT),
    ("authlib.integrations.httpx_client.AsyncOAuth1Client", httpx_table.ASYNC_CLIENT),
)

# Token requests of the OAuth sessions: fetch_token(token_url, ..., verify=False) sends the client secret.
_VERIFY = (TlsSwitch(Arg("verify"), VERIFY, (FALSE,)),)
_TOKEN_METHODS = ("fetch_token", "refresh_token", "fetch_access_token")


def _oauth_session(name: str) -> ClientType:
    base = session_type(name, authenticates="oauth")
    tokens = {method: Api(f"{name}.{method}", "requests", url=Arg("token_url", 0), method="POST", tls=_VERIFY)
              for method in _TOKEN_METHODS}
    return replace(base, methods={**base.methods, **tokens})


CLIENT_TYPES = tuple(_oauth_session(name) for name in _REQUESTS_SESSIONS) + tuple(
    ClientType(name=name, library="httpx", methods=base.methods, attribute_payload=base.attribute_payload,
               authenticates="oauth")
    for name, base in _HTTPX_CLIENTS
)

LIBRARY = Library(
    name="oauth",
    modules=("requests_oauthlib", "authlib"),
    constructors=tuple((t.name, Api(t.name, t.library, makes=t.name)) for t in CLIENT_TYPES),
    client_types=CLIENT_TYPES,
    aliases=(("requests_oauthlib.oauth2_session", "requests_oauthlib"),
             ("requests_oauthlib.oauth1_session", "requests_oauthlib")),
    auth_classes=(("requests_oauthlib.OAuth1", "oauth"), ("requests_oauthlib.OAuth2", "oauth")),
)
