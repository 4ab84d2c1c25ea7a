"""paho-mqtt: a client is configured (tls_set, username_pw_set) and then connects."""
from .spec import (CERT_NONE, CLEARTEXT, HOSTNAME, MISSING, TRUE, VERIFY, Api, Arg, ClientType, Library, TlsSwitch)

TLS_HINT = "client.tls_set(ca_certs=...) before connect() (port 8883), without tls_insecure_set(True)"
_CONNECT_TLS = (TlsSwitch(Arg("tls_set"), CLEARTEXT, (MISSING,),
                          default="paho-mqtt connects in cleartext unless tls_set() is called on the client"),)


def _connect(name: str) -> Api:
    return Api(name, "paho-mqtt", host=Arg("host", 0), tls=_CONNECT_TLS, connection=True, protocol="mqtt",
               tls_hint=TLS_HINT)


CLIENT = ClientType(
    name="paho.mqtt.client.Client",
    library="paho-mqtt",
    methods={name: _connect(f"paho.mqtt.client.Client.{name}") for name in ("connect", "connect_async")},
    method_switches=(
        ("tls_insecure_set", TlsSwitch(Arg("value", 0), HOSTNAME, (TRUE,), hint="tls_insecure_set(False), the default")),
        ("tls_set", TlsSwitch(Arg("cert_reqs", 3), VERIFY, (CERT_NONE,),
                              hint="tls_set(ca_certs=...) with cert_reqs=ssl.CERT_REQUIRED, the default")),
    ),
    upgraded_by=("tls_set", "tls_set_context"),
    auth_methods=("username_pw_set",),
)

LIBRARY = Library(
    name="mqtt",
    modules=("paho",),
    constructors=(("paho.mqtt.client.Client", Api("paho.mqtt.client.Client", "paho-mqtt", makes=CLIENT.name)),),
    client_types=(CLIENT,),
    aliases=(("paho.mqtt.client.Mqtt", "paho.mqtt.client"),),
)
