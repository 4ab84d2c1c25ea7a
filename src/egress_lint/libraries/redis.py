"""redis-py (also redis.asyncio): clients made from a host or a redis:// / rediss:// URL."""
from .spec import CLEARTEXT, FALSE, HOSTNAME, MISSING, ONE_OF, ONE_OF_EXACT, VERIFY, Api, Arg, Library, TlsSwitch

REDIS_TLS = (
    TlsSwitch(Arg("ssl"), CLEARTEXT, (MISSING, FALSE),
              default="redis-py connects in cleartext unless ssl=True or a rediss:// URL is used"),
    # redis-py takes "none", "optional" or "required" as written; any other string ("NONE", "CERT_NONE")
    # raises RedisError before a connection is made.
    TlsSwitch(Arg("ssl_cert_reqs"), VERIFY, (ONE_OF_EXACT,), values=(None, "none", "ssl.CERT_NONE"),
              option="ssl_cert_reqs"),
    TlsSwitch(Arg("ssl_check_hostname"), HOSTNAME, (FALSE, MISSING), option="ssl_check_hostname",
              default="redis-py before 6.0 does not check the host name unless ssl_check_hostname=True",
              removable=False),
)
# A ConnectionPool takes no ssl= keyword: the class of the connections it makes says whether they speak
# TLS (connection_class=SSLConnection); its default, Connection, is cleartext.
POOL_TLS = (
    TlsSwitch(Arg("connection_class", 0), CLEARTEXT, (MISSING, ONE_OF),
              values=("redis.Connection", "redis.asyncio.Connection"),
              default="a redis-py ConnectionPool makes cleartext connections unless "
                      "connection_class=SSLConnection"),
) + REDIS_TLS[1:]
_PASSWORD = (Arg("password"),)
_CLIENT_PASSWORD = (Arg("password", 3),)  # Redis(host, port, db, password, ...)
_HINT = ('a rediss:// URL or ssl=True, with ssl_cert_reqs="required" and ssl_check_hostname=True '
         '(ssl_ca_certs= names a private CA)')
_POOL_HINT = ('connection_class=SSLConnection, with ssl_cert_reqs="required" and ssl_check_hostname=True '
              '(ssl_ca_certs= names a private CA)')


def _client(name: str) -> Api:
    # a ConnectionPool takes its connection's keywords only (its first parameter is the class)
    if name.endswith("ConnectionPool"):
        return Api(name, "redis-py", host=Arg("host"), tls=POOL_TLS, connection=True, protocol="redis",
                   default_host="localhost", password=_PASSWORD, tls_hint=_POOL_HINT)
    return Api(name, "redis-py", host=Arg("host", 0), tls=REDIS_TLS, connection=True, protocol="redis",
               default_host="localhost", password=_CLIENT_PASSWORD, tls_hint=_HINT)


def _from_url(name: str) -> Api:
    return Api(name, "redis-py", url=Arg("url", 0), tls=REDIS_TLS, connection=True, protocol="redis",
               password=_PASSWORD, tls_hint=_HINT)


FROM_URL = _from_url("redis.from_url")

LIBRARY = Library(
    name="redis",
    modules=("redis",),
    functions=tuple((name, _client(name)) for name in (
        "redis.Redis", "redis.StrictRedis", "redis.asyncio.Redis", "redis.asyncio.StrictRedis",
        "redis.ConnectionPool", "redis.asyncio.ConnectionPool")) + tuple((name, _from_url(name)) for name in (
        "redis.from_url", "redis.Redis.from_url", "redis.StrictRedis.from_url", "redis.asyncio.from_url",
        "redis.asyncio.Redis.from_url", "redis.ConnectionPool.from_url", "redis.asyncio.ConnectionPool.from_url")),
    aliases=(("redis.client", "redis"), ("redis.asyncio.client", "redis.asyncio"), ("aioredis", "redis.asyncio"),
             ("redis.connection", "redis"), ("redis.asyncio.connection", "redis.asyncio")),
)
