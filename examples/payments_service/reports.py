"""Nightly report upload over urllib, written before anyone read PEP 476."""
import os
import ssl
import urllib.request

ssl._create_default_https_context = ssl._create_unverified_context
os.environ["PYTHONHTTPSVERIFY"] = "0"


def upload(report_bytes):
    context = ssl._create_unverified_context()
    request = urllib.request.Request("https://reports.partner.example.com/upload", data=report_bytes)
    with urllib.request.urlopen(request, context=context) as response:
        return response.status
