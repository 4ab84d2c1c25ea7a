"""Kafka clients: kafka-python, aiokafka and confluent-kafka. PLAINTEXT is every client's default."""
from .spec import (CLEARTEXT, CONTEXT, FALSE, HOSTNAME, MISSING, ONE_OF, UNVERIFIED_CONTEXT, VERIFY, Api, Arg,
                   Library, TlsSwitch)

_PLAIN = ("PLAINTEXT", "SASL_PLAINTEXT")

PYTHON_TLS = (
    TlsSwitch(Arg("security_protocol"), CLEARTEXT, (ONE_OF, MISSING), values=_PLAIN,
              default="the default security_protocol is PLAINTEXT"),
    TlsSwitch(Arg("ssl_check_hostname"), HOSTNAME, (FALSE,)),
    TlsSwitch(Arg("ssl_context"), CONTEXT, (UNVERIFIED_CONTEXT,)),
)

CONFLUENT_TLS = (
    TlsSwitch(Arg("security.protocol"), CLEARTEXT, (ONE_OF, MISSING), values=_PLAIN,
              default="confluent-kafka's default security.protocol is plaintext"),
    TlsSwitch(Arg("enable.ssl.certificate.verification"), VERIFY, (FALSE, ONE_OF), values=("false",)),
    TlsSwitch(Arg("ssl.endpoint.identification.algorithm"), HOSTNAME, (ONE_OF,), values=("none", "")),
)


def _python(name: str, library: str) -> Api:
    return Api(name, library, host=Arg("bootstrap_servers"), tls=PYTHON_TLS, connection=True, protocol="kafka",
               password=(Arg("sasl_plain_password"),), default_host="localhost",
               tls_hint='security_protocol="SSL" or "SASL_SSL" with ssl_cafile= and ssl_check_hostname=True')


def _confluent(name: str) -> Api:
    return Api(name, "confluent-kafka", host=Arg("bootstrap.servers"), tls=CONFLUENT_TLS, connection=True,
               protocol="kafka", password=(Arg("sasl.password"), Arg("sasl.oauthbearer.client.secret")),
               options=Arg("config", 0),
               tls_hint='"security.protocol": "SSL" or "SASL_SSL", keeping certificate verification and '
                        '"ssl.endpoint.identification.algorithm": "https"')


LIBRARY = Library(
    name="kafka",
    modules=("kafka", "aiokafka", "confluent_kafka"),
    functions=tuple((name, _python(name, "kafka-python")) for name in (
        "kafka.KafkaProducer", "kafka.KafkaConsumer", "kafka.KafkaAdminClient", "kafka.KafkaClient")) + tuple(
        (name, _python(name, "aiokafka")) for name in ("aiokafka.AIOKafkaProducer", "aiokafka.AIOKafkaConsumer")) + tuple(
        (name, _confluent(name)) for name in (
            "confluent_kafka.Producer", "confluent_kafka.Consumer", "confluent_kafka.SerializingProducer",
            "confluent_kafka.DeserializingConsumer", "confluent_kafka.admin.AdminClient")),
    aliases=(("kafka.producer", "kafka"), ("kafka.consumer", "kafka"), ("kafka.admin", "kafka"),
             ("aiokafka.producer", "aiokafka"), ("aiokafka.consumer", "aiokafka")),
)
