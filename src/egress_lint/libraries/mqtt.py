"""paho-mqtt: a client is configured (tls_set, username_pw_set) and then connects."""
from .spec import (CERT_NONE, CLEARTEXT, HOSTNAME, MISSING, ONE_OF, TRUE, VERIFY, Api, Arg, ClientType, Library, TlsSwitch)

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


def _publish(name: str, hostname: int, auth: int, tls: int) -> Api:
    """paho.mqtt.publish.single / multiple: one connection per call, TLS only with a ``tls={...}`` dict."""
    tls_arg = Arg("tls", tls)
    switches = (
        TlsSwitch(tls_arg, CLEARTEXT, (MISSING, ONE_OF), values=(None,),
                  default="paho.mqtt.publish connects in cleartext unless tls={...} is given"),
        TlsSwitch(Arg("cert_reqs"), VERIFY, (CERT_NONE,), within=tls_arg),
        TlsSwitch(Arg("insecure"), HOSTNAME, (TRUE,), within=tls_arg),
    )
    return Api(name, "paho-mqtt", host=Arg("hostname", hostname), tls=switches, connection=True, protocol="mqtt",
               default_host="localhost", password=(Arg("auth", auth),),
               tls_hint='tls={"ca_certs": "/path/to/ca.pem"} (port 8883), without "insecure": True')


LIBRARY = Library(
    name="mqtt",
    modules=("paho",),
    functions=(
        ("paho.mqtt.publish.single", _publish("paho.mqtt.publish.single", 4, 9, 10)),
        ("paho.mqtt.publish.multiple", _publish("paho.mqtt.publish.multiple", 1, 6, 7)),
        ("paho.mqtt.subscribe.simple", _publish("paho.mqtt.subscribe.simple", 4, 10, 11)),
        ("paho.mqtt.subscribe.callback", _publish("paho.mqtt.subscribe.callback", 5, 10, 11)),
    ),
    constructors=(("paho.mqtt.client.Client", Api("paho.mqtt.client.Client", "paho-mqtt", makes=CLIENT.name)),),
    client_types=(CLIENT,),
    aliases=(("paho.mqtt.client.Mqtt", "paho.mqtt.client"),),
)
