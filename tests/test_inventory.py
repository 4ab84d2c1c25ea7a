"""`egress-lint inventory` on the examples, in every format, and its agreement with `check`."""
import csv
import io
import json

from .conftest import EXAMPLES, FIXTURES
from .helpers import egress_lint, parse_lines


def _rows(*paths):
    proc = egress_lint("inventory", "--format", "json", *map(str, paths))
    assert proc.returncode == 0, proc.stderr
    envelope = json.loads(proc.stdout)
    assert envelope["version"] == 1 and envelope["tool"]["name"] == "egress-lint"
    return envelope["connections"]


def _row(rows, path_end, line):
    [row] = [r for r in rows if r["path"].endswith(path_end) and r["line"] == line]
    return row


def test_json_rows_describe_each_connection():
    rows = _rows(EXAMPLES)
    webhook = _row(rows, "notifications.py", 19)
    assert {k: webhook[k] for k in ("library", "api", "method", "scheme", "host", "url_path", "tls", "auth",
                                    "sensitive", "codes")} == {
        "library": "requests", "api": "requests.post", "method": "POST", "scheme": "http",
        "host": "hooks.partner-bank.com", "url_path": "/payments", "tls": "n.a. (cleartext)", "auth": "bearer",
        "sensitive": "yes", "codes": ["EGR201", "EGR202"]}
    admin = _row(rows, "identity.py", 20)
    assert (admin["auth"], admin["sensitive"], admin["why_sensitive"], admin["codes"]) == (
        "none", "yes", "POST; path /admin", ["EGR301"])
    charge = _row(rows, "processor.py", 25)
    assert (charge["tls"], charge["auth"]) == ("disabled", "body, api-key (client)")  # "token" field
    upload = _row(rows, "reports.py", 13)
    assert (upload["scheme"], upload["host"], upload["tls"]) == ("https", "reports.partner.example.com", "disabled")
    ledger_post = _row(rows, "ledger.py", 17)
    assert ledger_post["tls"] == "disabled"  # through ClientSession(connector=TCPConnector(ssl=False))
    health = _row(rows, "notifications.py", 36)
    assert (health["host"], health["sensitive"], health["codes"]) == ("localhost", "no", [])


def test_table_csv_and_markdown():
    table = egress_lint("inventory", str(EXAMPLES))
    assert table.returncode == 0
    header, *body = table.stdout.splitlines()
    assert header.split()[:4] == ["LOCATION", "LIBRARY", "API", "METHOD"]
    assert body[-1].startswith(f"{len(body) - 1} connections: ")
    assert any("notifications.py:19:12" in line and "EGR201,EGR202" in line for line in body)

    proc = egress_lint("inventory", "--format", "csv", str(EXAMPLES))
    records = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert len(records) == len(body) - 1
    webhook = [r for r in records if r["path"].endswith("notifications.py") and r["line"] == "19"][0]
    assert (webhook["host"], webhook["codes"]) == ("hooks.partner-bank.com", "EGR201;EGR202")

    markdown = egress_lint("inventory", "--format", "markdown", str(EXAMPLES)).stdout.splitlines()
    assert markdown[0] == "# Outbound connections"
    assert any(line.startswith("| ") and "payments_service/identity.py:20:12 | requests | requests.post | POST |" in line
               for line in markdown)


def test_inventory_and_check_never_disagree():
    paths = [EXAMPLES, *sorted(FIXTURES.glob("EGR*.py"))]
    rows = _rows(*paths)
    findings = {(f["path"], int(f["line"]), int(f["col"]), f["code"])
                for f in parse_lines(egress_lint("check", *map(str, paths)).stdout)}
    at_rows = set()
    for row in rows:
        here = {(p, line, col, code) for p, line, col, code in findings
                if (p, line, col) == (row["path"], row["line"], row["column"])}
        assert {code for *_, code in here} == set(row["codes"]), row
        at_rows |= here
        tls_codes = {"EGR101", "EGR102", "EGR103", "EGR104", "EGR106"}
        if tls_codes & set(row["codes"]) and row["tls"] != "n.a. (cleartext)":
            assert row["tls"] == "disabled", row
    # Every request-level finding of the transport and auth rules is on some row.
    request_codes = {"EGR201", "EGR202", "EGR203", "EGR301", "EGR302"}
    assert {f for f in findings if f[3] in request_codes} <= at_rows


def test_bad_path_exits_2(tmp_path):
    proc = egress_lint("inventory", str(tmp_path / "missing"))
    assert proc.returncode == 2 and "no such file or directory" in proc.stderr


def test_output_file(tmp_path):
    target = tmp_path / "inventory.md"
    proc = egress_lint("inventory", "--format", "markdown", "--output", str(target), str(EXAMPLES))
    assert proc.returncode == 0 and proc.stdout == ""
    assert target.read_text().startswith("# Outbound connections\n")


def test_workers_do_not_change_the_inventory():
    paths = [str(EXAMPLES), *map(str, sorted(FIXTURES.glob("EGR*.py")))]
    one = egress_lint("inventory", "--format", "json", "--jobs", "1", *paths).stdout
    three = egress_lint("inventory", "--format", "json", "--jobs", "3", *paths).stdout
    assert one == three and json.loads(one)["connections"]


def test_per_file_ignores_hide_a_code_in_the_inventory_as_in_check(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.egress-lint]\nper-file-ignores = { "legacy.py" = ["EGR201"] }\n')
    source = "import requests\n\nrequests.get('http://api.example.com/items', verify=False)\n"
    (tmp_path / "legacy.py").write_text(source)
    (tmp_path / "app.py").write_text(source)
    proc = egress_lint("inventory", "--format", "json", ".", cwd=tmp_path)
    codes = {row["path"]: row["codes"] for row in json.loads(proc.stdout)["connections"]}
    assert codes == {"app.py": ["EGR101", "EGR201"], "legacy.py": ["EGR101"]}


def test_a_helper_call_that_passes_an_unverified_switch_is_a_disabled_row(tmp_path):
    """The finding is reported at the request inside the helper (naming the caller); the row of each
    helper call says what that call passes, in the module and from another module."""
    package = tmp_path / "app"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "client.py").write_text(
        "import requests\n\n\n"
        "def probe(url, verify):\n"
        "    return requests.get(url, verify=verify, timeout=5)\n\n\n"
        "class Api:\n"
        "    def fetch(self, url, verify):\n"
        "        return requests.get(url, verify=verify, timeout=5)\n\n"
        "    def run(self):\n"
        "        self.fetch('https://api.acme.io/a', False)\n"
        "        self.fetch('https://api.acme.io/b', True)\n\n\n"
        "probe('https://api.acme.io/c', True)\n")
    (package / "jobs.py").write_text(
        "from app.client import probe\n\n\n"
        "def run():\n"
        "    probe('https://api.acme.io/health', False)\n"
        "    probe('https://api.acme.io/ready', verify=True)\n")
    rows = _rows(tmp_path)
    assert [(r["path"].rsplit("/", 1)[-1], r["line"], r["tls"]) for r in rows if r["host"] == "api.acme.io"] == [
        ("client.py", 13, "disabled"), ("client.py", 14, "verified"), ("client.py", 17, "verified"),
        ("jobs.py", 5, "disabled"), ("jobs.py", 6, "verified")]
    check = {(f["path"].rsplit("/", 1)[-1], int(f["line"]), f["code"])
             for f in parse_lines(egress_lint("check", "--no-cache", str(tmp_path)).stdout)}
    assert check == {("client.py", 5, "EGR101"), ("client.py", 10, "EGR101")}
