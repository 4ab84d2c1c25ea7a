# Semgrep test for egr204-weak-tls, written by tools/semgrep_tests.py from tests/fixtures/EGR204.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR204 (TLS older than 1.2 or weak cipher suites).
import socket
import ssl
from ssl import PROTOCOL_TLSv1_1, TLSVersion

import urllib3
from OpenSSL import SSL

raw = socket.socket()

# ruleid: egr204-weak-tls
ctx_v1 = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
# ruleid: egr204-weak-tls
ctx_v11 = ssl.SSLContext(PROTOCOL_TLSv1_1)
# ruleid: egr204-weak-tls
ctx_v3 = ssl.SSLContext(protocol=ssl.PROTOCOL_SSLv3)
# ruleid: egr204-weak-tls
ctx_v2 = ssl.SSLContext(ssl.PROTOCOL_SSLv2)
# ruleid: egr204-weak-tls
wrapped = ssl.wrap_socket(raw, ssl_version=ssl.PROTOCOL_TLSv1, cert_reqs=ssl.CERT_REQUIRED, ca_certs="ca.pem")

OLD_PROTOCOL = ssl.PROTOCOL_TLSv1
# ruleid: egr204-weak-tls
from_constant = ssl.SSLContext(OLD_PROTOCOL)

ctx = ssl.create_default_context()
# ruleid: egr204-weak-tls
ctx.minimum_version = ssl.TLSVersion.TLSv1
# ruleid: egr204-weak-tls
ctx.minimum_version = TLSVersion.TLSv1_1
# ruleid: egr204-weak-tls
ctx.maximum_version = ssl.TLSVersion.TLSv1_1
# ruleid: egr204-weak-tls
ctx.set_ciphers("ALL:RC4-SHA")
# ruleid: egr204-weak-tls
ctx.set_ciphers("DES-CBC3-SHA")
# ruleid: egr204-weak-tls
ctx.set_ciphers("HIGH:NULL-SHA256")
# ruleid: egr204-weak-tls
ctx.set_ciphers("EXPORT:!aNULL")
# ruleid: egr204-weak-tls
ctx.set_ciphers("aNULL")

# ruleid: egr204-weak-tls
pool = urllib3.PoolManager(ssl_version=ssl.PROTOCOL_TLSv1)
# ruleid: egr204-weak-tls
pool_min = urllib3.PoolManager(ssl_minimum_version=ssl.TLSVersion.TLSv1)

# ruleid: egr204-weak-tls
openssl_ctx = SSL.Context(SSL.TLSv1_METHOD)
# ruleid: egr204-weak-tls
openssl_ctx.set_cipher_list(b"RC4-MD5")


class Legacy:
    def __init__(self):
        self.ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        # ruleid: egr204-weak-tls
        self.ctx.minimum_version = ssl.TLSVersion.TLSv1

# --- must not fire ------------------------------------------------------------------------------------
# ok: egr204-weak-tls
good = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
# ok: egr204-weak-tls
good.minimum_version = ssl.TLSVersion.TLSv1_2
# ok: egr204-weak-tls
good.maximum_version = ssl.TLSVersion.TLSv1_3
# ok: egr204-weak-tls
good.set_ciphers("ECDHE+AESGCM:!aNULL:!eNULL:!MD5:!RC4:!3DES")
# ok: egr204-weak-tls
good.set_ciphers("HIGH:!aNULL:!MD5")
# ok: egr204-weak-tls
sslv23 = ssl.SSLContext(ssl.PROTOCOL_SSLv23).wrap_socket(raw, server_hostname="api.example.com")
# ok: egr204-weak-tls
default_ctx = ssl.create_default_context()
# ok: egr204-weak-tls
modern_openssl = SSL.Context(SSL.TLS_CLIENT_METHOD)
# ok: egr204-weak-tls
urllib3.PoolManager(ssl_minimum_version=ssl.TLSVersion.TLSv1_2)
