# Semgrep test for egr102-unverified-ssl-context, written by tools/semgrep_tests.py from tests/fixtures/EGR102.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR102 (unverified SSL context created or passed).
import http.client
import socket
import ssl
import urllib.request
from ssl import CERT_NONE, SSLContext, _create_unverified_context
from urllib.request import HTTPSHandler, build_opener, urlopen

URL = "https://api.example.com/v1/status"

# --- contexts made unverified -----------------------------------------------------------------
# ruleid: egr102-unverified-ssl-context
unverified = ssl.create_default_context()
# ruleid: egr102-unverified-ssl-context
also_unverified = _create_unverified_context(cafile=None)

configured = ssl.create_default_context()
configured.check_hostname = False
# ruleid: egr102-unverified-ssl-context
configured.verify_mode = ssl.CERT_NONE
spelled_out = ssl.create_default_context()
# ruleid: egr102-unverified-ssl-context
spelled_out.verify_mode = CERT_NONE

# --- contexts handed to a connection -------------------------------------------------------------
# ruleid: egr102-unverified-ssl-context
urllib.request.urlopen(URL, context=unverified)
# ruleid: egr102-unverified-ssl-context
urlopen(URL, timeout=5, context=also_unverified)
# ruleid: egr102-unverified-ssl-context
conn = http.client.HTTPSConnection("api.example.com", 443, context=configured)
# ruleid: egr102-unverified-ssl-context
handler = HTTPSHandler(context=unverified)
opener = build_opener(handler)

bare = ssl.SSLContext()
# ruleid: egr102-unverified-ssl-context
urllib.request.urlopen(URL, context=bare)

legacy = SSLContext(ssl.PROTOCOL_TLS)
# ruleid: egr102-unverified-ssl-context
http.client.HTTPSConnection("legacy.example.com", context=legacy)

sslv23 = ssl.SSLContext(ssl.PROTOCOL_SSLv23)
raw = socket.create_connection(("api.example.com", 443))
# ruleid: egr102-unverified-ssl-context
tls_socket = sslv23.wrap_socket(raw, server_hostname="api.example.com")


class Fetcher:
    def __init__(self):
        # ruleid: egr102-unverified-ssl-context
        self.context = ssl.create_default_context()

    def fetch(self):
        # ruleid: egr102-unverified-ssl-context
        return urllib.request.urlopen(URL, context=self.context)


# ruleid: egr102-unverified-ssl-context
def fetch_with_default(url, context=ssl.create_default_context()):
    # ruleid: egr102-unverified-ssl-context
    return urllib.request.urlopen(url, context=context)


# --- ssl.wrap_socket ------------------------------------------------------------------------------
# ruleid: egr102-unverified-ssl-context
wrapped = ssl.wrap_socket(raw, cert_reqs=ssl.CERT_NONE)
# ruleid: egr102-unverified-ssl-context
wrapped_default = ssl.wrap_socket(raw)

# --- must not fire ----------------------------------------------------------------------------------
good = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
# ok: egr102-unverified-ssl-context
urllib.request.urlopen(URL, context=good)

client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
# ok: egr102-unverified-ssl-context
http.client.HTTPSConnection("api.example.com", context=client_ctx)

set_up = ssl.SSLContext(ssl.PROTOCOL_TLS)
set_up.verify_mode = ssl.CERT_REQUIRED
set_up.load_verify_locations("/etc/ssl/certs/internal-ca.pem")
# ok: egr102-unverified-ssl-context
urllib.request.urlopen(URL, context=set_up)

hostname_on = ssl.SSLContext()
hostname_on.check_hostname = True
# ok: egr102-unverified-ssl-context
urllib.request.urlopen(URL, context=hostname_on)

server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
# ok: egr102-unverified-ssl-context
server.verify_mode = ssl.CERT_NONE

server_purpose = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
# ok: egr102-unverified-ssl-context
server_purpose.verify_mode = ssl.CERT_NONE

listener = ssl.SSLContext()
listener.load_cert_chain("server.pem")
# ok: egr102-unverified-ssl-context
listener.wrap_socket(raw, server_side=True)
# ok: egr102-unverified-ssl-context
ssl.wrap_socket(raw, server_side=True, certfile="server.pem", keyfile="server.key")
# ok: egr102-unverified-ssl-context
ssl.wrap_socket(raw, cert_reqs=ssl.CERT_REQUIRED, ca_certs="/etc/ssl/certs/ca.pem")


def passes_parameter(url, ctx):
    # ok: egr102-unverified-ssl-context
    return urllib.request.urlopen(url, context=ctx)


# --- brokers given an unverified context -------------------------------------------------------------------
import pika
from kafka import KafkaProducer

# ruleid: egr102-unverified-ssl-context
unverified = ssl.create_default_context()
# todoruleid: egr102-unverified-ssl-context
rabbit_tls = pika.SSLOptions(unverified, "rabbit.example.com")
# todoruleid: egr102-unverified-ssl-context
events = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SSL", ssl_context=unverified)
verified = ssl.create_default_context()
# ok: egr102-unverified-ssl-context
rabbit_verified = pika.SSLOptions(verified, "rabbit.example.com")


# --- gevent's ssl module ---------------------------------------------------------------------------------
import gevent.ssl
from gevent import ssl as green_ssl

# todoruleid: egr102-unverified-ssl-context
green_context = gevent.ssl._create_unverified_context()
# todoruleid: egr102-unverified-ssl-context
other_green_context = green_ssl._create_unverified_context()
# ok: egr102-unverified-ssl-context
verified_green_context = green_ssl.create_default_context()
