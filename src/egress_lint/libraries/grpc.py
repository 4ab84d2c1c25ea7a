"""grpcio: channels. ``insecure_channel`` never encrypts; ``secure_channel`` uses TLS."""
from .spec import GIVEN, HOSTNAME, Api, Arg, Library, TlsSwitch

_TARGET = Arg("target", 0)
# Per-call metadata of a stub whose key names a credential ("authorization", "x-api-key") goes out with the
# call. Call credentials (credentials=grpc.access_token_call_credentials(...)) are not listed: gRPC refuses
# to send them on a channel without TLS, so nothing leaks.
_RELAYED = (Arg("metadata"),)
# secure_channel(target, credentials, options): the TLS host-name check is made against this name instead.
_SECURE_TLS = (TlsSwitch(Arg("grpc.ssl_target_name_override"), HOSTNAME, (GIVEN,), within=Arg("options", 2),
                         removable=False),)
_HINT = "grpc.secure_channel(target, grpc.ssl_channel_credentials()) without grpc.ssl_target_name_override"


def _insecure(name: str) -> Api:
    return Api(name, "grpcio", host=_TARGET, connection=True, protocol="grpc", scheme="grpc+insecure",
               tls_hint=_HINT, relayed=_RELAYED)


def _secure(name: str) -> Api:
    return Api(name, "grpcio", host=_TARGET, connection=True, protocol="grpc", scheme="grpc+tls", tls_hint=_HINT,
               tls=_SECURE_TLS)


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
