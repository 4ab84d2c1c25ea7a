# Semgrep test for egr104-process-wide-bypass, written by tools/semgrep_tests.py from tests/fixtures/EGR104.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR104 (certificate verification switched off process-wide).
import os
import ssl
from os import environ, putenv
from ssl import _create_unverified_context

# ruleid: egr104-process-wide-bypass
ssl._create_default_https_context = ssl._create_unverified_context
# ruleid: egr104-process-wide-bypass
ssl._create_default_https_context = _create_unverified_context

# ruleid: egr104-process-wide-bypass
os.environ["PYTHONHTTPSVERIFY"] = "0"
# ruleid: egr104-process-wide-bypass
environ["CURL_CA_BUNDLE"] = ""
# ruleid: egr104-process-wide-bypass
os.environ["REQUESTS_CA_BUNDLE"] = ""
# ruleid: egr104-process-wide-bypass
os.environ["SSL_CERT_FILE"] = ""
# ruleid: egr104-process-wide-bypass
os.environ.update({"PYTHONHTTPSVERIFY": "0", "LANG": "C"})
# ruleid: egr104-process-wide-bypass
os.environ.update(CURL_CA_BUNDLE="")
# ruleid: egr104-process-wide-bypass
os.environ.setdefault("PYTHONHTTPSVERIFY", "0")
# ruleid: egr104-process-wide-bypass
os.putenv("REQUESTS_CA_BUNDLE", "")
# ruleid: egr104-process-wide-bypass
putenv("PYTHONHTTPSVERIFY", "0")

VAR = "PYTHONHTTPSVERIFY"
OFF = "0"
# ruleid: egr104-process-wide-bypass
os.environ[VAR] = OFF


def disable_everywhere():
    # ruleid: egr104-process-wide-bypass
    os.environ["SSL_CERT_FILE"] = ""


# --- must not fire --------------------------------------------------------------------------------
# ok: egr104-process-wide-bypass
os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/internal-ca.pem"
# ok: egr104-process-wide-bypass
os.environ["PYTHONHTTPSVERIFY"] = "1"
# ok: egr104-process-wide-bypass
os.environ["PYTHONHASHSEED"] = "0"
# ok: egr104-process-wide-bypass
ssl._create_default_https_context = ssl.create_default_context
# ok: egr104-process-wide-bypass
value = os.environ.get("PYTHONHTTPSVERIFY", "0")
settings = {}
# ok: egr104-process-wide-bypass
settings["PYTHONHTTPSVERIFY"] = "0"
