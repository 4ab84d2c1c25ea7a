"""The registry of library tables and the indexes the analysis layer reads.

Adding a library means adding its module here; no rule changes.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Optional, Tuple

from . import (aiohttp, amqp, aws, frameworks, grpc, http_client, http_extra, httpx, influxdb, kafka, ldap, mongodb,
               mqtt, mysql, neo4j, oauth, odbc, openapi, paramiko, plain_protocols, postgres, pyopenssl, redis, requests, search, ssh, ssl,
               urllib3, urllib_request, websockets)
from .spec import Api, ClientType, Library, SettingsSpec, TlsSwitch

LIBRARIES: Tuple[Library, ...] = (
    requests.LIBRARY,
    requests.UNIXSOCKET,
    httpx.LIBRARY,
    aiohttp.LIBRARY,
    urllib_request.LIBRARY,
    urllib3.LIBRARY,
    http_client.LIBRARY,
    ssl.LIBRARY,
    paramiko.LIBRARY,
    plain_protocols.LIBRARY,
    pyopenssl.LIBRARY,
    websockets.LIBRARY,
    oauth.LIBRARY,
    postgres.LIBRARY,
    mysql.LIBRARY,
    redis.LIBRARY,
    mongodb.LIBRARY,
    frameworks.LIBRARY,
    frameworks.SQLALCHEMY,
    grpc.LIBRARY,
    ldap.LIBRARY,
    search.LIBRARY,
    aws.LIBRARY,
    openapi.LIBRARY,
    openapi.GENERATED,
    influxdb.LIBRARY,
    kafka.LIBRARY,
    amqp.LIBRARY,
    mqtt.LIBRARY,
    ssh.LIBRARY,
    http_extra.LIBRARY,
    http_extra.TORNADO,
    neo4j.LIBRARY,
    odbc.LIBRARY,
)

FUNCTIONS: Dict[str, Api] = {}
CONSTRUCTORS: Dict[str, Api] = {}
CLIENT_TYPES: Dict[str, ClientType] = {}
REQUEST_OBJECTS: Dict[str, Api] = {}
AUTH_CLASSES: Dict[str, str] = {}
_ALIASES: Dict[str, str] = {}
MODULES: Tuple[str, ...] = ()
# (modules, words): imports of these modules count for the pre-check only with one of the words in the text
GUARDED_MODULES: Tuple[Tuple[Tuple[str, ...], Tuple[str, ...]], ...] = ()
CONFIG_FUNCTIONS: Dict[str, Tuple[TlsSwitch, ...]] = {}
SETTINGS: Tuple[SettingsSpec, ...] = ()
SETTINGS_OBJECTS: Dict[str, str] = {}
_DRIVERS: Dict[str, Api] = dict(frameworks.DRIVERS)

for _lib in LIBRARIES:
    FUNCTIONS.update(_lib.functions)
    CONSTRUCTORS.update(_lib.constructors)
    CLIENT_TYPES.update((t.name, t) for t in _lib.client_types)
    _ALIASES.update(_lib.aliases)
    REQUEST_OBJECTS.update(_lib.request_objects)
    AUTH_CLASSES.update(_lib.auth_classes)
    if _lib.precheck_words:
        GUARDED_MODULES += ((_lib.modules, _lib.precheck_words),)
    else:
        MODULES += tuple(m for m in _lib.modules if m not in MODULES)
    CONFIG_FUNCTIONS.update(_lib.config_functions)
    SETTINGS += _lib.settings
    SETTINGS_OBJECTS.update(_lib.settings_objects)


def _import_scope() -> Dict[str, Optional[Tuple[str, ...]]]:
    """Each library top-level module -> None when all of it is in scope, else the dotted modules
    under it that are (``urllib`` -> ``urllib.request``): the union over the libraries that list it."""
    scope: Dict[str, Optional[Tuple[str, ...]]] = {}
    for library in LIBRARIES:
        for module in library.modules:
            top = module.split(".", 1)[0]
            held = tuple(m for m in library.submodules if m.split(".", 1)[0] == top)
            if not held:
                scope[top] = None
            elif top not in scope:
                scope[top] = held
            elif scope[top] is not None:
                scope[top] += held
    return scope


IMPORT_SCOPE = _import_scope()


def api_for_engine(name: Optional[str]) -> Optional[Api]:
    """The driver table behind a Django ENGINE or a URL scheme (``postgresql+asyncpg``, ``redis``)."""
    if not name:
        return None
    name = name.lower() if "://" not in name else name
    found = _DRIVERS.get(name)
    if found is None and "+" in name:
        found = _DRIVERS.get(name.split("+", 1)[0])
    return found


# Longest prefix first, so "requests.packages.urllib3" wins over "requests".
_ALIAS_ORDER = sorted(_ALIASES, key=len, reverse=True)


@lru_cache(maxsize=4096)  # called for every name resolved; the answer depends on the name only
def canonical(qualname: Optional[str]) -> Optional[str]:
    """Map an import spelling onto the name the tables use (``httplib.HTTPConnection`` ->
    ``http.client.HTTPConnection``)."""
    if qualname is None:
        return None
    for prefix in _ALIAS_ORDER:
        if qualname == prefix or qualname.startswith(prefix + "."):
            return _ALIASES[prefix] + qualname[len(prefix):]
    return qualname
