"""The Neo4j driver: the URI scheme decides the transport (neo4j:// and bolt:// are cleartext,
neo4j+s:// verified TLS, neo4j+ssc:// TLS without verification)."""
from .spec import Api, Arg, Library


def _driver(name: str) -> Api:
    return Api(name, "neo4j", url=Arg("uri", 0), connection=True, protocol="neo4j", password=(Arg("auth", 1),),
               tls_hint="a neo4j+s:// or bolt+s:// URI (trusted_certificates= names a private CA)")


LIBRARY = Library(
    name="neo4j",
    modules=("neo4j",),
    functions=tuple((name, _driver(name)) for name in (
        "neo4j.GraphDatabase.driver", "neo4j.AsyncGraphDatabase.driver")),
    # auth=basic_auth(user, password[, realm]): the password is its second argument.
    auth_classes=(("neo4j.basic_auth", "basic"),),
)
