"""grpcio: channels. ``insecure_channel`` never encrypts; ``secure_channel`` uses TLS."""
from .spec import Api, Arg, Library

_TARGET = Arg("target", 0)
_HINT = "grpc.secure_channel(target, grpc.ssl_channel_credentials()) without grpc.ssl_target_name_override"


def _insecure(name: str) -> Api:
    return Api(name, "grpcio", host=_TARGET, connection=True, protocol="grpc", scheme="grpc+insecure",
               tls_hint=_HINT)


def _secure(name: str) -> Api:
    return Api(name, "grpcio", host=_TARGET, connection=True, protocol="grpc", scheme="grpc+tls", tls_hint=_HINT)


LIBRARY = Library(
    name="grpc",
    modules=("grpc",),
    functions=(
        ("grpc.insecure_channel", _insecure("grpc.insecure_channel")),
        ("grpc.aio.insecure_channel", _insecure("grpc.aio.insecure_channel")),
        ("grpc.secure_channel", _secure("grpc.secure_channel")),
        ("grpc.aio.secure_channel", _secure("grpc.aio.secure_channel")),
    ),
    aliases=(("grpc.experimental.aio", "grpc.aio"),),
)
