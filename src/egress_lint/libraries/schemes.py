"""The scheme table: what a URL scheme says about the transport of a connection.

``cleartext`` schemes never encrypt (``redis://``, ``amqp://``, ``ldap://``); ``tls`` schemes always do and
verify the server (``rediss://``, ``amqps://``, ``mongodb+srv://``); ``unverified`` schemes encrypt without
verifying the server (``neo4j+ssc://``); ``negotiated`` schemes leave it to options of the connection
string or the call (``postgresql://`` and its ``sslmode``, ``mysql://``, ``mongodb://`` and ``tls=``),
and their ``default`` says what happens when no option is given. ``local`` schemes never leave the
machine (``unix://``, ``ldapi://``).

SQLAlchemy-style driver suffixes (``postgresql+psycopg2``) are looked up by the part before ``+``
unless the whole scheme is listed (``mongodb+srv``, ``neo4j+s``).
"""
from __future__ import annotations

from typing import Dict, NamedTuple, Optional


class Scheme(NamedTuple):
    protocol: str  # how messages name the protocol: "Redis", "PostgreSQL"
    transport: str  # cleartext | tls | unverified | negotiated | local
    secure: str = ""  # the TLS twin of a cleartext scheme, for the hint
    default: str = ""  # for negotiated schemes: the transport when no option says otherwise
    # What the far end is, when it holds or carries data by definition (ASVS V9.2.3): "database",
    # "cache", "message broker", "directory", "search index". The inventory marks such connections sensitive.
    holds: str = ""


DATABASE = "database"
CACHE = "cache"
BROKER = "message broker"
DIRECTORY = "directory"
SEARCH = "search index"


CLEARTEXT_T = "cleartext"
TLS_T = "tls"
UNVERIFIED_T = "unverified"
NEGOTIATED_T = "negotiated"
LOCAL_T = "local"
OPTIONAL_T = "optional"  # a negotiated default that falls back to cleartext (libpq's sslmode=prefer)

SCHEMES: Dict[str, Scheme] = {
    "http": Scheme("HTTP", CLEARTEXT_T, "https"),
    "https": Scheme("HTTP", TLS_T),
    "ws": Scheme("WebSocket", CLEARTEXT_T, "wss"),
    "wss": Scheme("WebSocket", TLS_T),
    "grpc+insecure": Scheme("gRPC", CLEARTEXT_T),  # grpc.insecure_channel(): never encrypted
    "redis": Scheme("Redis", CLEARTEXT_T, "rediss", holds=CACHE),
    "rediss": Scheme("Redis", TLS_T, holds=CACHE),
    "valkey": Scheme("Valkey", CLEARTEXT_T, "valkeys", holds=CACHE),
    "valkeys": Scheme("Valkey", TLS_T, holds=CACHE),
    "unix": Scheme("Unix socket", LOCAL_T),
    "amqp": Scheme("AMQP", CLEARTEXT_T, "amqps", holds=BROKER),
    "pyamqp": Scheme("AMQP", CLEARTEXT_T, "amqps", holds=BROKER),
    "librabbitmq": Scheme("AMQP", CLEARTEXT_T, "amqps", holds=BROKER),
    "amqps": Scheme("AMQP", TLS_T, holds=BROKER),
    "mqtt": Scheme("MQTT", CLEARTEXT_T, "mqtts", holds=BROKER),
    "mqtts": Scheme("MQTT", TLS_T, holds=BROKER),
    "ldap": Scheme("LDAP", CLEARTEXT_T, "ldaps", holds=DIRECTORY),
    "ldaps": Scheme("LDAP", TLS_T, holds=DIRECTORY),
    "ldapi": Scheme("LDAP", LOCAL_T),
    "mongodb": Scheme("MongoDB", NEGOTIATED_T, "mongodb+srv", default=CLEARTEXT_T, holds=DATABASE),
    "mongodb+srv": Scheme("MongoDB", TLS_T, holds=DATABASE),
    "postgresql": Scheme("PostgreSQL", NEGOTIATED_T, default=OPTIONAL_T, holds=DATABASE),
    "postgres": Scheme("PostgreSQL", NEGOTIATED_T, default=OPTIONAL_T, holds=DATABASE),
    "mysql": Scheme("MySQL", NEGOTIATED_T, default="", holds=DATABASE),
    "mariadb": Scheme("MySQL", NEGOTIATED_T, default="", holds=DATABASE),
    "mssql": Scheme("SQL Server", NEGOTIATED_T, default="", holds=DATABASE),
    "neo4j": Scheme("Neo4j", CLEARTEXT_T, "neo4j+s", holds=DATABASE),
    "bolt": Scheme("Neo4j", CLEARTEXT_T, "bolt+s", holds=DATABASE),
    "neo4j+s": Scheme("Neo4j", TLS_T, holds=DATABASE),
    "bolt+s": Scheme("Neo4j", TLS_T, holds=DATABASE),
    "neo4j+ssc": Scheme("Neo4j", UNVERIFIED_T, holds=DATABASE),
    "bolt+ssc": Scheme("Neo4j", UNVERIFIED_T, holds=DATABASE),
    "nats": Scheme("NATS", CLEARTEXT_T, "tls", holds=BROKER),
    "kafka": Scheme("Kafka", NEGOTIATED_T, default=CLEARTEXT_T, holds=BROKER),
    "grpc": Scheme("gRPC", NEGOTIATED_T),
    "elasticsearch": Scheme("Elasticsearch", NEGOTIATED_T, holds=SEARCH),
    "memcache": Scheme("memcached", CLEARTEXT_T, holds=CACHE),
}

CLEARTEXT = frozenset(name for name, scheme in SCHEMES.items() if scheme.transport == CLEARTEXT_T)


def lookup(scheme: Optional[str]) -> Optional[Scheme]:
    if not scheme:
        return None
    scheme = scheme.lower()
    found = SCHEMES.get(scheme)
    if found is None and "+" in scheme:
        found = SCHEMES.get(scheme.split("+", 1)[0])
    return found


def cleartext_twin(scheme: Optional[str]) -> Optional[str]:
    """The cleartext scheme whose TLS twin ``scheme`` is (``https`` -> ``http``), for a connection that the
    library's default leaves unencrypted although its host was read under the TLS scheme."""
    if not scheme:
        return None
    scheme = scheme.lower()
    return next((name for name, entry in SCHEMES.items() if entry.transport == CLEARTEXT_T and entry.secure == scheme),
                None)


def base(scheme: Optional[str]) -> Optional[str]:
    """The listed name of a scheme (``postgresql+psycopg2`` -> ``postgresql``)."""
    if not scheme:
        return None
    scheme = scheme.lower()
    if scheme in SCHEMES or "+" not in scheme:
        return scheme
    return scheme.split("+", 1)[0]
