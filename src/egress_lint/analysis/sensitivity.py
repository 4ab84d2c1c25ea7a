"""Why a request is sensitive (ASVS: "sensitive information or functions"), and whether its URL
carries credentials itself."""
from __future__ import annotations

import ast
import re
from typing import Dict, List, Optional, Sequence, Tuple

from .auth import credential_body_fields, sensitive_fields, url_and_body_evidence
from .urls import request_object
from .values import Const
from .vocabulary import listing

MUTATING_METHODS = ("POST", "PUT", "PATCH", "DELETE")
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_PROJECT_VIA = re.compile(r"^[^\s,:]+\.py:\d+$")  # where another module of the project binds a value
_LOCAL_VIA = re.compile(r"^(.*), line (\d+)$")
# Body keys that are themselves the authentication of the request (a login form, a token exchange):
# every credential name of the vocabulary, plus these.
CREDENTIAL_FIELDS = ("assertion",)


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
    """The reasons a request is sensitive (for the inventory); empty for a read-only request of a
    public path."""
    reasons: List[str] = []
    method = http_method(model, point)
    if method in MUTATING_METHODS:
        reasons.append(method)
    segment = sensitive_segment(model, point, sensitive_paths)
    if segment is not None:
        reasons.append(f"path /{segment}")
    fields = sensitive_fields(model, point, sensitive_keys, include_query=True)
    if fields:
        reasons.append("fields " + listing(fields))
    return reasons


# A last path segment that makes a state-changing method a read (``POST /users/search``).
READ_ACTIONS = frozenset({"search", "_search", "query", "lookup", "find", "count", "autocomplete", "suggest"})


def read_action(url) -> bool:
    """The URL's path ends in a read action (``/users/search``, ``/accounts/lookup``): a POST there
    is a query, not a state change."""
    segments = url.path_segments if url is not None else ()
    return bool(segments) and segments[-1].lower().split(";", 1)[0].split(".", 1)[0] in READ_ACTIONS


def sensitive_segment(model, point, sensitive_paths: Sequence[str]) -> Optional[str]:
    """The first path segment of the request's URL that names a sensitive function; None when the
    path ends in a read action (``/users/search``, ``/accounts/lookup``): a POST there is a query."""
    url = model.url(point)
    if url is None:
        return None
    wanted = {p.lower() for p in sensitive_paths}
    if read_action(url):
        return None
    for segment in url.path_segments:
        if segment.lower().split(";", 1)[0].split(".", 1)[0] in wanted:
            return segment
    return None


def credentials_in_url(model, point) -> List[str]:
    """Where the URL itself carries a credential: its user info, a credential query key (in the URL,
    ``params=``, the client's ``params`` or a ``urlencode`` of a dict), or a credential ``;key=``
    path parameter. Names only, never values."""
    found: List[str] = []
    for evidence in url_and_body_evidence(model, point):
        if evidence.mechanism in ("userinfo", "query") and evidence.where == "call" and evidence.detail not in found:
            found.append(evidence.detail)
    return [f"query key {d[:-len(' query key')]}" if d.endswith(" query key") else d for d in found]


def credential_fields(model, point) -> List[str]:
    """Body keys that carry the request's own credentials (``{"username": ..., "password": ...}``)."""
    return credential_body_fields(model, point, CREDENTIAL_FIELDS)


# -- EGR301: why an unauthenticated call should have been authenticated -----------------------------------
_CUSTOM_SENDERS = ("request", "send", "prepare_request", "rebuild_auth", "merge_environment_settings")


def opaque_client(client) -> bool:
    """A client made from a class defined here that overrides how requests are sent: what it adds to
    each request is not visible as configuration."""
    while client is not None:
        origin = client.origin
        if isinstance(origin, ast.ClassDef):
            for stmt in origin.body:
                if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name in _CUSTOM_SENDERS:
                    return True
        client = client.base
    return False


def target_keys(model, point, url) -> List[Tuple[str, str]]:
    """What identifies where a request goes, for "the same host is called with credentials
    elsewhere": its host, and the module constant its URL is built from."""
    keys: List[Tuple[str, str]] = []
    if url is not None and url.host is not None:
        keys.append(("host", url.host))
    api = point.api
    if api.url is not None:
        value = point.site.value(api.url)
        if value is not None and value.via:
            name = value.via[0].split(",", 1)[0]
            if _IDENTIFIER.match(name) or _PROJECT_VIA.match(value.via[0]):
                # a constant or attribute, not "argument of f()" or a default: "API, line 10" (the same
                # binding, not the same name), or "myapp/settings.py:3" for one of another module
                keys.append(("base", value.via[0]))
    return keys


def authenticated_targets(model, auth_headers: Sequence[str]) -> Dict[Tuple[str, str], Tuple[int, str]]:
    """For each host or base-URL constant of the module, the first request to it that carries a
    credential: (line, what it carries). Computed once per module."""
    from .auth import auth_evidence

    cached = getattr(model, "_authenticated_targets", None)
    if cached is not None and cached[0] == tuple(auth_headers):
        return cached[1]
    found: Dict[Tuple[str, str], Tuple[int, str]] = {}
    for point in model.egress_points():
        if point.kind != "request":
            continue
        carried = [e for e in auth_evidence(model, point, auth_headers) if e.is_credential]
        if not carried:
            continue
        for key in target_keys(model, point, model.url(point)):
            found.setdefault(key, (point.line, carried[0].detail))
    model._authenticated_targets = (tuple(auth_headers), found)
    return found


def project_authenticated_targets(model, auth_headers: Sequence[str]) -> Dict[Tuple[str, str], Tuple[str, str]]:
    """For each host or base-URL constant, the first request to it that carries a credential in the
    project modules this module imports (and that make requests themselves): ("myapp/client.py:12",
    what it carries). Base-URL keys are spelt as the importer sees them ("myapp/settings.py:3").
    Asked only for a request that has no other reason to be reported, and computed once per module."""
    from .project import imported_request_models

    cached = getattr(model, "_project_authenticated_targets", None)
    if cached is not None and cached[0] == tuple(auth_headers):
        return cached[1]
    found: Dict[Tuple[str, str], Tuple[str, str]] = {}
    for entry, other in imported_request_models(model.context):
        for (kind, key), (line, detail) in authenticated_targets(other, auth_headers).items():
            if kind == "base" and not _PROJECT_VIA.match(key):  # already "myapp/settings.py:3"
                local = _LOCAL_VIA.match(key)
                if local is None:
                    continue
                key = f"{entry.rel}:{local.group(2)}"  # the spelling an importer's values carry
            found.setdefault((kind, key), (f"{entry.rel}:{line}", detail))
    model._project_authenticated_targets = (tuple(auth_headers), found)
    return found
