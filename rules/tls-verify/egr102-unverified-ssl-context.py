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
unverified = ssl._create_unverified_context()
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
        self.context = ssl._create_unverified_context()

    def fetch(self):
        # ruleid: egr102-unverified-ssl-context
        return urllib.request.urlopen(URL, context=self.context)


# ruleid: egr102-unverified-ssl-context
def fetch_with_default(url, context=ssl._create_unverified_context()):
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
unverified = ssl._create_unverified_context()
# ruleid: egr102-unverified-ssl-context
rabbit_tls = pika.SSLOptions(unverified, "rabbit.example.com")
# ruleid: egr102-unverified-ssl-context
events = KafkaProducer(bootstrap_servers="kafka.example.com:9093", security_protocol="SSL", ssl_context=unverified)
verified = ssl.create_default_context()
# ok: egr102-unverified-ssl-context
rabbit_verified = pika.SSLOptions(verified, "rabbit.example.com")


# --- gevent's ssl module ---------------------------------------------------------------------------------
import gevent.ssl
from gevent import ssl as green_ssl

# ruleid: egr102-unverified-ssl-context
green_context = gevent.ssl._create_unverified_context()
# ruleid: egr102-unverified-ssl-context
other_green_context = green_ssl._create_unverified_context()
# ok: egr102-unverified-ssl-context
verified_green_context = green_ssl.create_default_context()


# --- certificate pinning written by hand is verification ---------------------------------------------
import hashlib
import hmac

PINNED_SHA256 = "9c1d5e7f0a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d"


def status_over_pinned_socket(host):
    pinning = ssl.create_default_context()
    pinning.check_hostname = False
    # ok: egr102-unverified-ssl-context
    pinning.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, 443)) as raw:
        # ok: egr102-unverified-ssl-context
        with pinning.wrap_socket(raw, server_hostname=host) as tls:
            peer = tls.getpeercert(binary_form=True)
            if hashlib.sha256(peer).hexdigest() != PINNED_SHA256:
                raise ssl.SSLError("unexpected certificate")
            tls.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
            return tls.recv(512)


def pinned_connection(host):
    # ok: egr102-unverified-ssl-context
    anything = ssl._create_unverified_context()
    # ok: egr102-unverified-ssl-context
    conn = http.client.HTTPSConnection(host, context=anything)
    conn.connect()
    seen = hashlib.sha256(conn.sock.getpeercert(True)).hexdigest()
    if not hmac.compare_digest(seen, PINNED_SHA256):
        conn.close()
        raise ConnectionError("certificate pin mismatch")
    conn.request("GET", "/status")
    return conn.getresponse()


class PinnedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        own = ssl.create_default_context()
        own.check_hostname = False
        # ok: egr102-unverified-ssl-context
        own.verify_mode = ssl.CERT_NONE
        raw = socket.create_connection((self.host, self.port))
        # ok: egr102-unverified-ssl-context
        self.sock = own.wrap_socket(raw, server_hostname=self.host)
        digest = hashlib.sha256()
        digest.update(self.sock.getpeercert(binary_form=True))
        assert digest.hexdigest() in (PINNED_SHA256,)


def fingerprint_only_logged(host):
    loose = ssl.create_default_context()
    loose.check_hostname = False
    # ruleid: egr102-unverified-ssl-context
    loose.verify_mode = ssl.CERT_NONE
    # ruleid: egr102-unverified-ssl-context
    tls = loose.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    print("peer", hashlib.sha256(tls.getpeercert(True)).hexdigest())
    return tls


def pin_checked_on_another_socket(host, earlier):
    # ruleid: egr102-unverified-ssl-context
    loose = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    tls = loose.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    if hashlib.sha256(earlier.getpeercert(True)).hexdigest() != PINNED_SHA256:
        raise ssl.SSLError("unexpected certificate")
    return tls


def context_also_used_unpinned(host):
    shared = ssl.create_default_context()
    shared.check_hostname = False
    # ruleid: egr102-unverified-ssl-context
    shared.verify_mode = ssl.CERT_NONE
    # ok: egr102-unverified-ssl-context
    first = shared.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    if hashlib.sha256(first.getpeercert(True)).hexdigest() != PINNED_SHA256:
        raise ssl.SSLError("unexpected certificate")
    # ruleid: egr102-unverified-ssl-context
    second = shared.wrap_socket(socket.create_connection((host, 8443)), server_hostname=host)
    return first, second


def subject_compared_not_fingerprint(host):
    # ruleid: egr102-unverified-ssl-context
    loose = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    tls = loose.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    if tls.getpeercert().get("subject") != PINNED_SHA256:
        raise ssl.SSLError("unexpected certificate")
    return tls


class PinnedApiConnection(http.client.HTTPSConnection):
    def __init__(self, host, pin):
        trusting = ssl.create_default_context()
        trusting.check_hostname = False
        # ok: egr102-unverified-ssl-context
        trusting.verify_mode = ssl.CERT_NONE
        super().__init__(host, context=trusting)
        self.pin = pin

    def connect(self):
        super().connect()
        if hashlib.sha256(self.sock.getpeercert(binary_form=True)).hexdigest() != self.pin:
            self.close()
            raise ssl.SSLError("unexpected certificate")


class FingerprintLaterConnection(http.client.HTTPSConnection):
    def __init__(self, host):
        trusting = ssl.create_default_context()
        trusting.check_hostname = False
        # ruleid: egr102-unverified-ssl-context
        trusting.verify_mode = ssl.CERT_NONE
        super().__init__(host, context=trusting)

    def fingerprint_matches(self, pin):
        return hashlib.sha256(self.sock.getpeercert(binary_form=True)).hexdigest() == pin


def mismatch_only_logged(host):
    # ruleid: egr102-unverified-ssl-context
    loose = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    tls = loose.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    if hashlib.sha256(tls.getpeercert(True)).hexdigest() != PINNED_SHA256:
        print("certificate changed")
    return tls


def _matches_pin(sock, pins):
    if hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest() not in pins:
        raise ssl.SSLError("no matching fingerprint")


def pin_checked_by_a_helper(host, pins, verify):
    loose = ssl.create_default_context()
    if pins or not verify:
        loose.check_hostname = False
        # ruleid: egr102-unverified-ssl-context
        loose.verify_mode = ssl.CERT_NONE
    # ruleid: egr102-unverified-ssl-context
    tls = loose.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    if pins:
        _matches_pin(tls, pins)
    return tls


def pinned_by_a_helper_every_time(host, pins):
    # todook: egr102-unverified-ssl-context
    loose_for_pin = ssl._create_unverified_context()
    # todook: egr102-unverified-ssl-context
    pinned = loose_for_pin.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    _matches_pin(pinned, pins)
    return pinned


def pinned_by_a_helper_closing_on_mismatch(host, pins):
    pin_ctx = ssl.create_default_context()
    pin_ctx.check_hostname = False
    # todook: egr102-unverified-ssl-context
    pin_ctx.verify_mode = ssl.CERT_NONE
    # todook: egr102-unverified-ssl-context
    guarded = pin_ctx.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    try:
        _matches_pin(guarded, pins)
    except ssl.SSLError:
        guarded.close()
        raise
    return guarded


def _pin_verdict(sock, pin):
    return hashlib.sha256(sock.getpeercert(binary_form=True)).hexdigest() == pin


def helper_verdict_ignored(host, pin):
    # ruleid: egr102-unverified-ssl-context
    trusting = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    tls = trusting.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    _pin_verdict(tls, pin)
    return tls


def helper_mismatch_swallowed(host, pins):
    # ruleid: egr102-unverified-ssl-context
    trusting = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    tls = trusting.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    try:
        _matches_pin(tls, pins)
    except ssl.SSLError:
        print("certificate changed")
    return tls


def _fingerprint_in(sock, pins):
    peer_der = sock.getpeercert(binary_form=True)
    for algorithm in ("sha256", "sha512"):
        peer_digest = hashlib.new(algorithm)
        peer_digest.update(peer_der)
        if peer_digest.hexdigest() in pins:
            return
    raise ssl.SSLError("no matching fingerprint")


def pinned_by_a_helper_trying_each_digest(host, pins):
    # todook: egr102-unverified-ssl-context
    any_peer = ssl._create_unverified_context()
    # todook: egr102-unverified-ssl-context
    checked = any_peer.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    _fingerprint_in(checked, pins)
    return checked


def pin_checked_inline_only_when_configured(host, pins):
    # ruleid: egr102-unverified-ssl-context
    maybe_pinned = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    sometimes = maybe_pinned.wrap_socket(socket.create_connection((host, 443)), server_hostname=host)
    if pins:
        if hashlib.sha256(sometimes.getpeercert(True)).hexdigest() not in pins:
            raise ssl.SSLError("unexpected certificate")
    return sometimes


# --- databases, HTTP clients, brokers, mail and file transfer given an unverified context -----------------
import ftplib
import smtplib

import aio_pika
import aiohttp
import asyncpg
import pymysql
import urllib3


def mail_with_any_certificate(host):
    # ruleid: egr102-unverified-ssl-context
    loose_mail = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    return smtplib.SMTP_SSL(host, 465, context=loose_mail)


def files_with_any_certificate(host):
    # ruleid: egr102-unverified-ssl-context
    loose_files = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    return ftplib.FTP_TLS(host, context=loose_files)


def pool_with_any_certificate():
    loose_pool = ssl.create_default_context()
    loose_pool.check_hostname = False
    # ruleid: egr102-unverified-ssl-context
    loose_pool.verify_mode = ssl.CERT_NONE
    # ruleid: egr102-unverified-ssl-context
    return urllib3.PoolManager(ssl_context=loose_pool)


def database_with_any_certificate(host):
    # ruleid: egr102-unverified-ssl-context
    loose_db = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    return pymysql.connect(host=host, ssl=loose_db)


async def async_clients_with_any_certificate():
    # ruleid: egr102-unverified-ssl-context
    loose_async = ssl._create_unverified_context()
    # ruleid: egr102-unverified-ssl-context
    orders = await asyncpg.connect("postgresql://db.example.com/orders", ssl=loose_async)
    # ruleid: egr102-unverified-ssl-context
    connector = aiohttp.TCPConnector(ssl=loose_async)
    # ruleid: egr102-unverified-ssl-context
    queue = await aio_pika.connect_robust("amqps://mq.example.com/", ssl_context=loose_async)
    async with aiohttp.ClientSession() as http:
        # ruleid: egr102-unverified-ssl-context
        await http.get("https://api.example.com/items", ssl=loose_async)
    return orders, connector, queue


async def async_clients_verified():
    strict_async = ssl.create_default_context()
    # ok: egr102-unverified-ssl-context
    orders = await asyncpg.connect("postgresql://db.example.com/orders", ssl=strict_async)
    # ok: egr102-unverified-ssl-context
    connector = aiohttp.TCPConnector(ssl=strict_async)
    # ok: egr102-unverified-ssl-context
    mail = smtplib.SMTP_SSL("mail.example.com", 465, context=strict_async)
    return orders, connector, mail
