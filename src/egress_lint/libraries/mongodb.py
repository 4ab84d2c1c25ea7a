"""pymongo and motor: MongoClient from a mongodb:// or mongodb+srv:// URI or a host name."""
from .spec import CLEARTEXT, FALSE, HOSTNAME, MISSING, TRUE, VERIFY, Api, Arg, Library, TlsSwitch

MONGO_TLS = (
    TlsSwitch(Arg("tls"), CLEARTEXT, (FALSE, MISSING), aliases=("ssl",),
              default="pymongo connects in cleartext unless tls=True or a mongodb+srv:// URI is used"),
    TlsSwitch(Arg("tlsAllowInvalidCertificates"), VERIFY, (TRUE,)),
    TlsSwitch(Arg("tlsInsecure"), VERIFY, (TRUE,)),
    TlsSwitch(Arg("tlsAllowInvalidHostnames"), HOSTNAME, (TRUE,)),
)


def _client(name: str, library: str) -> Api:
    return Api(name, library, url=Arg("host", 0), tls=MONGO_TLS, connection=True, protocol="mongodb",
               default_host="localhost", password=(Arg("password"),),
               tls_hint="tls=True or a mongodb+srv:// URI, without tlsInsecure / tlsAllowInvalid* options "
                        "(tlsCAFile= names a private CA)")


MONGO_CLIENT = _client("pymongo.MongoClient", "pymongo")

LIBRARY = Library(
    name="mongodb",
    modules=("pymongo", "motor"),
    functions=(
        ("pymongo.MongoClient", MONGO_CLIENT),
        ("pymongo.AsyncMongoClient", _client("pymongo.AsyncMongoClient", "pymongo")),
        ("motor.motor_asyncio.AsyncIOMotorClient", _client("motor.motor_asyncio.AsyncIOMotorClient", "motor")),
        ("motor.motor_tornado.MotorClient", _client("motor.motor_tornado.MotorClient", "motor")),
    ),
    aliases=(("pymongo.mongo_client", "pymongo"), ("motor.core", "motor.motor_asyncio")),
)
