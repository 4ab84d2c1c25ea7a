"""The editor route: the real pylsp with its flake8 plugin shows EGR diagnostics on an open file."""
import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from .conftest import ROOT

SOURCE = ("import requests\n"
          "\n"
          "\n"
          "def fetch():\n"
          "    return requests.get('https://api.example.com', verify=False)\n")


class LanguageServer:
    """Just enough of a JSON-RPC client over stdio to talk to pylsp."""

    def __init__(self, cwd: Path) -> None:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
        self.process = subprocess.Popen([sys.executable, "-m", "pylsp"], cwd=cwd, env=env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: "queue.Queue[dict]" = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, method: str, params: dict, request: bool = False) -> None:
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def wait_for(self, predicate, timeout: float = 60.0) -> dict:
        deadline = time.monotonic() + timeout
        while True:  # queue.Empty past the deadline fails the test
            message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
            if predicate(message):
                return message

    def close(self) -> None:
        try:
            self.send("shutdown", {}, request=True)
            self.send("exit", {})
            self.process.wait(timeout=10)
        except Exception:  # noqa: BLE001 - the server may already be gone
            self.process.kill()
            self.process.wait()


def test_pylsp_flake8_plugin_reports_egr101_on_the_right_line(tmp_path):
    path = tmp_path / "client.py"
    path.write_text(SOURCE)
    uri = path.as_uri()
    server = LanguageServer(tmp_path)
    try:
        server.send("initialize", {"processId": os.getpid(), "rootUri": tmp_path.as_uri(), "capabilities": {}},
                    request=True)
        server.wait_for(lambda m: m.get("id") == 1 and "result" in m)
        server.send("initialized", {})
        server.send("workspace/didChangeConfiguration", {"settings": {"pylsp": {"plugins": {
            "flake8": {"enabled": True}, "pycodestyle": {"enabled": False}, "pyflakes": {"enabled": False},
            "mccabe": {"enabled": False}}}}})
        server.send("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "python", "version": 1, "text": SOURCE}})

        def egr_diagnostics(message):
            return (message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri
                    and any(d.get("code") == "EGR101" for d in message["params"]["diagnostics"]))

        published = server.wait_for(egr_diagnostics)["params"]["diagnostics"]
    finally:
        server.close()
    [egr101] = [d for d in published if d.get("code") == "EGR101"]
    assert egr101["source"] == "flake8"
    assert egr101["range"]["start"] == {"line": 4, "character": 11}  # 0-based: line 5, column 12
    assert egr101["message"].startswith("EGR101 requests.get() disables certificate verification (verify=False)")
