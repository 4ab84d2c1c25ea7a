"""Why a request is sensitive (ASVS: "sensitive information or functions"), and whether its URL
carries credentials itself."""
from __future__ import annotations

from typing import List, Optional, Sequence

from .auth import sensitive_fields
from .urls import request_object
from .values import HOLE, Const, DictVal

MUTATING_METHODS = ("POST", "PUT", "PATCH", "DELETE")
# Query keys that carry a credential; matched exactly (``page_token`` and ``token_type`` are not).
# Body keys that are themselves the authentication of the request (a login form, a token exchange).
CREDENTIAL_FIELDS = ("password", "passwd", "pwd", "passphrase", "secret", "client_secret", "credential",
                     "credentials", "api_key", "apikey", "assertion", "refresh_token")
CREDENTIAL_QUERY_KEYS = ("api_key", "apikey", "key", "token", "access_token", "password", "secret",
                         "client_secret", "signature")


def http_method(model, point) -> Optional[str]:
    """The HTTP method of a request, when the code shows it."""
    api, site = point.api, point.site
    if api.url is not None:
        made = request_object(model, site.value(api.url))
        if made is not None:
            api, site = made[1], model.site(made[0].call)
    if api.method is not None:
        return api.method
    if api.method_arg is not None:
        value = site.value(api.method_arg)
        if isinstance(value, Const) and isinstance(value.value, str):
            return value.value.upper()
        return None
    if api.payload is not None and api.payload.body:  # urlopen(url, data): a POST when data is given
        body = site.value(api.payload.body[0])
        if body is None or (isinstance(body, Const) and body.value is None):
            return "GET"
        return "POST"
    return None


def sensitivity(model, point, sensitive_keys: Sequence[str], sensitive_paths: Sequence[str]) -> List[str]:
    """The reasons a request is sensitive; empty for a read-only request of a public path."""
    reasons: List[str] = []
    method = http_method(model, point)
    if method in MUTATING_METHODS:
        reasons.append(method)
    url = model.url(point)
    if url is not None:
        wanted = {p.lower() for p in sensitive_paths}
        for segment in url.path_segments:
            if segment.lower().split(".", 1)[0] in wanted:
                reasons.append(f"path /{segment}")
                break
    fields = sensitive_fields(model, point, sensitive_keys, include_query=True)
    if fields:
        reasons.append("fields " + ", ".join(fields))
    return reasons


def credentials_in_url(model, point) -> List[str]:
    """Where the URL itself carries a credential: its user info, or a credential query key (in the URL
    or in ``params=``). Names only, never values."""
    found: List[str] = []
    url = model.url(point)
    if url is not None:
        if url.userinfo is not None and (":" in url.userinfo or HOLE in url.userinfo):
            found.append("user info")
        found += [f"query key {key}" for key in url.query_keys if key.lower() in CREDENTIAL_QUERY_KEYS]
    payload = point.api.payload
    if payload is not None and payload.query is not None:
        params = point.site.value(payload.query)
        if isinstance(params, DictVal):
            for key in model.resolver.dict_entries(params, point.node):
                if key.lower() in CREDENTIAL_QUERY_KEYS and f"query key {key}" not in found:
                    found.append(f"query key {key}")
    return found



def credential_fields(model, point) -> List[str]:
    """Body keys that carry the request's own credentials (``{"username": ..., "password": ...}``)."""
    return sensitive_fields(model, point, CREDENTIAL_FIELDS)
