"""The inventory names where each request carries its credential, and marks local transports."""
import json

from .helpers import egress_lint

SOURCE = '''import http.client
import socket

import requests


def calls(token, key, user, text):
    requests.post(f"https://api.chat.example.com/bot{token}/sendMessage", json={"text": text})
    requests.get("https://scan.example.com/search", params={"key": key})
    requests.post("https://push.example.com/1/messages", data={"token": token, "message": text})
    requests.post("https://mail.example.com/email", headers={"X-Mailer-Server-Token": key}, json={"to": user})
    requests.get("http+unix://%2Fvar%2Frun%2Fdocker.sock/info")
    requests.post("https://pay.example.com/payments", json={"amount": 1})


class SocketConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect("/run/app.sock")


conn = SocketConnection("localhost")
'''


def test_inventory_names_how_each_request_authenticates(tmp_path):
    (tmp_path / "client.py").write_text(SOURCE)
    proc = egress_lint("inventory", "--format", "json", "client.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {row["line"]: row for row in json.loads(proc.stdout)["connections"]}
    assert {line: rows[line]["auth"] for line in (8, 9, 10, 11, 13)} == {
        8: "url-path", 9: "query", 10: "body", 11: "token", 13: "none"}
    assert rows[8]["url_path"] == "/bot{…}/sendMessage"
    assert (rows[12]["host"], rows[12]["tls"], rows[12]["sensitive"]) == (
        "local", "n.a. (local: http+unix transport)", "n.a.")
    assert (rows[22]["host"], rows[22]["tls"]) == ("local", "n.a. (local: custom transport (SocketConnection.connect))")
    assert rows[13]["codes"] == ["EGR301"] and rows[13]["why_sensitive"] == "POST; path /payments"


UNIX_SOCKET_SOURCE = '''import requests_unixsocket

agent = requests_unixsocket.Session()
agent.get("http+unix://%2Frun%2Fagent.sock/status")
requests_unixsocket.delete("http+unix://%2Frun%2Fagent.sock/jobs/1")
custom = requests_unixsocket.Session("http+agent://")
custom.post("http+agent://agent.sock.example.net/jobs", json={"name": "x"})
agent.get("http://mirror.example.com/status")
'''


def test_requests_unixsocket_sessions_are_local_for_their_scheme(tmp_path):
    (tmp_path / "agent.py").write_text(UNIX_SOCKET_SOURCE)
    proc = egress_lint("inventory", "--format", "json", "agent.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {row["line"]: row for row in json.loads(proc.stdout)["connections"]}
    assert {line: (rows[line]["host"], rows[line]["codes"]) for line in (4, 5, 7, 8)} == {
        4: ("local", []), 5: ("local", []), 7: ("local", []), 8: ("mirror.example.com", ["EGR201"])}
    assert rows[7]["tls"] == "n.a. (local: http+agent transport (requests_unixsocket.Session))"
    assert rows[3]["library"] == "requests-unixsocket"


IN_PROCESS_SOURCE = '''import aiohttp
import httpx


def clients(app, handler):
    mocked = httpx.Client(transport=httpx.MockTransport(handler))
    mocked.post("http://api.example.com/orders", json={"n": 1})
    legacy = httpx.Client(app=app)
    legacy.get("http://testserver.example.com/health")
    unix = httpx.Client(transport=httpx.HTTPTransport(uds="/run/app.sock"))
    unix.get("http://app.example.com/status")
    plain = httpx.Client(transport=httpx.HTTPTransport(retries=2))
    plain.get("http://app.example.com/status")


async def docker():
    async with aiohttp.ClientSession(connector=aiohttp.UnixConnector(path="/run/docker.sock")) as session:
        await session.get("http://docker.example.com/info")
'''


def test_in_process_and_unix_socket_transports_are_local(tmp_path):
    (tmp_path / "clients.py").write_text(IN_PROCESS_SOURCE)
    proc = egress_lint("inventory", "--format", "json", "clients.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {row["line"]: row for row in json.loads(proc.stdout)["connections"]}
    assert {line: (rows[line]["host"], rows[line]["tls"], rows[line]["codes"]) for line in (7, 9, 11, 13, 18)} == {
        7: ("local", "n.a. (local: MockTransport (transport=))", []),
        9: ("local", "n.a. (local: in-process app (app=))", []),
        11: ("local", "n.a. (local: HTTPTransport(uds=) (transport=))", []),
        13: ("app.example.com", "n.a. (cleartext)", ["EGR201"]),
        18: ("local", "n.a. (local: UnixConnector (connector=))", []),
    }


CACHE_CLIENTS = '''import os

import redis


class Store:
    def __init__(self, url=None, host="localhost", password=None):
        if url:
            self.db = redis.Redis.from_url(url)
        else:
            self.db = redis.Redis(host=host, port=6379, password=password)


class Positional:
    def __init__(self, host="localhost", password=None):
        self.db = redis.Redis(host, 6379, 0, password)


anonymous = redis.Redis(host="cache.internal", port=6379)
no_password = redis.Redis(host="cache.internal", password=None)
from_env = redis.Redis(host="cache.internal", password=os.environ["CACHE_PASSWORD"])
written = redis.from_url("redis://cache.internal:6379/0")
'''


def test_a_credential_the_code_does_not_show_is_dynamic_not_none(tmp_path):
    (tmp_path / "cache.py").write_text(CACHE_CLIENTS)
    proc = egress_lint("inventory", "--format", "json", "cache.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = {row["line"]: row["auth"] for row in json.loads(proc.stdout)["connections"]}
    assert rows == {
        9: "dynamic (connection string)",  # a URL from the caller may hold a user and password
        11: "dynamic (password=)",  # a parameter whose default is None
        16: "dynamic (password=)",  # the same, passed by position
        19: "none", 20: "none",
        21: "password",
        22: "none",  # the URL is written here: it holds no password
    }
