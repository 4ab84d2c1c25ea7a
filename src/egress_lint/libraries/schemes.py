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
    "redis": Scheme("Redis", CLEARTEXT_T, "rediss"),
    "rediss": Scheme("Redis", TLS_T),
    "valkey": Scheme("Valkey", CLEARTEXT_T, "valkeys"),
    "valkeys": Scheme("Valkey", TLS_T),
    "unix": Scheme("Unix socket", LOCAL_T),
    "amqp": Scheme("AMQP", CLEARTEXT_T, "amqps"),
    "pyamqp": Scheme("AMQP", CLEARTEXT_T, "amqps"),
    "librabbitmq": Scheme("AMQP", CLEARTEXT_T, "amqps"),
    "amqps": Scheme("AMQP", TLS_T),
    "mqtt": Scheme("MQTT", CLEARTEXT_T, "mqtts"),
    "mqtts": Scheme("MQTT", TLS_T),
    "ldap": Scheme("LDAP", CLEARTEXT_T, "ldaps"),
    "ldaps": Scheme("LDAP", TLS_T),
    "ldapi": Scheme("LDAP", LOCAL_T),
    "mongodb": Scheme("MongoDB", NEGOTIATED_T, "mongodb+srv", default=CLEARTEXT_T),
    "mongodb+srv": Scheme("MongoDB", TLS_T),
    "postgresql": Scheme("PostgreSQL", NEGOTIATED_T, default=OPTIONAL_T),
    "postgres": Scheme("PostgreSQL", NEGOTIATED_T, default=OPTIONAL_T),
    "mysql": Scheme("MySQL", NEGOTIATED_T, default=""),
    "mariadb": Scheme("MySQL", NEGOTIATED_T, default=""),
    "neo4j": Scheme("Neo4j", CLEARTEXT_T, "neo4j+s"),
    "bolt": Scheme("Neo4j", CLEARTEXT_T, "bolt+s"),
    "neo4j+s": Scheme("Neo4j", TLS_T),
    "bolt+s": Scheme("Neo4j", TLS_T),
    "neo4j+ssc": Scheme("Neo4j", UNVERIFIED_T),
    "bolt+ssc": Scheme("Neo4j", UNVERIFIED_T),
    "nats": Scheme("NATS", CLEARTEXT_T, "tls"),
    "kafka": Scheme("Kafka", NEGOTIATED_T, default=CLEARTEXT_T),
    "grpc": Scheme("gRPC", NEGOTIATED_T),
    "elasticsearch": Scheme("Elasticsearch", NEGOTIATED_T),
    "memcache": Scheme("memcached", CLEARTEXT_T),
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


def base(scheme: Optional[str]) -> Optional[str]:
    """The listed name of a scheme (``postgresql+psycopg2`` -> ``postgresql``)."""
    if not scheme:
        return None
    scheme = scheme.lower()
    if scheme in SCHEMES or "+" not in scheme:
        return scheme
    return scheme.split("+", 1)[0]
