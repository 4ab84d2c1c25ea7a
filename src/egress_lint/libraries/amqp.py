"""AMQP clients: pika and aio-pika."""
from .spec import CLEARTEXT, CONTEXT, FALSE, MISSING, UNVERIFIED_CONTEXT, Api, Arg, Library, TlsSwitch

_PIKA_HINT = "ssl_options=pika.SSLOptions(ssl.create_default_context(cafile=...), host) on port 5671"
PIKA_PARAMETERS = Api("pika.ConnectionParameters", "pika", host=Arg("host", 0), connection=True, protocol="amqp",
                      default_host="localhost", password=(Arg("credentials"),), tls_hint=_PIKA_HINT,
                      tls=(TlsSwitch(Arg("ssl_options"), CLEARTEXT, (MISSING,),
                                     default="pika connects in cleartext unless ssl_options= is given"),))
PIKA_URL = Api("pika.URLParameters", "pika", url=Arg("url", 0), connection=True, protocol="amqp",
               tls_hint="an amqps:// URL (ssl_options= with a verifying context for a private CA)")

_AIO_TLS = (TlsSwitch(Arg("ssl"), CLEARTEXT, (MISSING, FALSE),
                      default="aio-pika connects in cleartext unless ssl=True or an amqps:// URL is used"),
            TlsSwitch(Arg("ssl_context"), CONTEXT, (UNVERIFIED_CONTEXT,)))


def _aio(name: str) -> Api:
    return Api(name, "aio-pika", url=Arg("url", 0), host=Arg("host"), tls=_AIO_TLS, connection=True,
               protocol="amqp", default_host="localhost", password=(Arg("password"),),
               tls_hint="an amqps:// URL or ssl=True (ssl_context= from ssl.create_default_context(cafile=...))")


LIBRARY = Library(
    name="amqp",
    modules=("pika", "aio_pika"),
    functions=(
        ("pika.ConnectionParameters", PIKA_PARAMETERS),
        ("pika.connection.ConnectionParameters", PIKA_PARAMETERS),
        ("pika.URLParameters", PIKA_URL),
        ("pika.connection.URLParameters", PIKA_URL),
        ("aio_pika.connect", _aio("aio_pika.connect")),
        ("aio_pika.connect_robust", _aio("aio_pika.connect_robust")),
    ),
    config_functions=(
        ("pika.SSLOptions", (TlsSwitch(Arg("context", 0), CONTEXT, (UNVERIFIED_CONTEXT,)),)),
    ),
)
