"""`check --format json|sarif|github`, --output, --statistics and colour, through the real CLI."""
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import jsonschema

from egress_lint.catalogue import RULES
from egress_lint.docs import render_rule

from .conftest import ROOT
from .helpers import egress_lint

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
INSECURE = ("import requests\n"
            "\n"
            "requests.get('https://api.example.com', verify=False)\n")


def project(tmp_path: Path) -> Path:
    (tmp_path / "client.py").write_text(INSECURE)
    (tmp_path / "broken.py").write_text("import requests\ndef f(:\n")
    return tmp_path


def test_json_envelope_fields(tmp_path):
    proc = egress_lint("check", "--format", "json", "client.py", cwd=project(tmp_path))
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "egress-lint"
    [result] = data["results"]
    fingerprint = result.pop("fingerprint")
    assert len(fingerprint) == 20 and int(fingerprint, 16) >= 0
    assert result == {
        "path": "client.py", "line": 3, "cell": None, "column": 1, "end_line": 3, "end_column": 54,
        "code": "EGR101", "slug": "verification-disabled", "family": "tls-verify", "severity": "error",
        "message": "requests.get() disables certificate verification (verify=False)",
        "hint": 'remove it; for a private CA pass its bundle instead (verify="/path/to/ca.pem")',
        "occurrence": 1, "fix": "unsafe",
    }
    assert data["statistics"] == {"EGR101": 1} and data["errors"] == []


def test_sarif_is_valid_and_carries_catalogue_metadata(tmp_path):
    proc = egress_lint("check", "--format", "sarif", ".", cwd=project(tmp_path))
    assert proc.returncode == 2, proc.stderr  # broken.py cannot be parsed
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)

    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.code for rule in RULES]
    egr101 = rules[0]
    assert egr101["help"]["markdown"] == render_rule(RULES[0])
    assert "external/cwe/cwe-295" in egr101["properties"]["tags"]
    assert egr101["properties"]["security-severity"] == "7.5" and egr101["properties"]["precision"] == "high"

    [result] = run["results"]
    assert result["ruleId"] == "EGR101" and rules[result["ruleIndex"]]["id"] == "EGR101"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "client.py", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 54}
    assert list(result["partialFingerprints"].values())[0].endswith(":1")
    assert result["properties"]["fix"] == "unsafe"

    [invocation] = run["invocations"]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert "syntax error" in notification["message"]["text"]
    notified = notification["locations"][0]["physicalLocation"]
    assert notified["artifactLocation"]["uri"] == "broken.py" and notified["region"]["startLine"] == 2


def test_sarif_of_a_clean_run_is_valid(tmp_path):
    (tmp_path / "ok.py").write_text("x = 1\n")
    proc = egress_lint("check", "--format", "sarif", str(tmp_path))
    assert proc.returncode == 0
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["invocations"][0]["executionSuccessful"]


def test_github_annotations(tmp_path):
    proc = egress_lint("check", "--format", "github", "--no-hints", ".", cwd=project(tmp_path))
    lines = proc.stdout.splitlines()
    assert lines[0] == ("::error file=client.py,line=3,col=1,endLine=3,endColumn=54,title=EGR101 Certificate "
                        "verification disabled on an HTTP client call or client object::"
                        "requests.get() disables certificate verification (verify=False)")
    assert lines[1].startswith("::error file=broken.py,line=2::broken.py:2:7: syntax error")


def test_output_file_and_statistics(tmp_path):
    folder = project(tmp_path)
    (folder / "broken.py").unlink()
    (folder / "second.py").write_text(INSECURE + "requests.head('https://x.example.com', verify=False)\n")
    proc = egress_lint("check", "--statistics", "--output", "report.txt", ".", cwd=folder)
    assert proc.returncode == 1 and proc.stdout == ""
    lines = (folder / "report.txt").read_text().splitlines()
    assert lines[-2:] == ["3     EGR101 verification-disabled", "Found 3 findings in 2 files (2 files checked)."]


def test_colour_only_on_a_terminal(tmp_path):
    path = tmp_path / "client.py"
    path.write_text(INSECURE)
    piped = egress_lint("check", str(path))
    assert "\033[" not in piped.stdout

    primary, secondary = pty.openpty()
    env = dict(os.environ, TERM="xterm")
    env.pop("NO_COLOR", None)
    proc = subprocess.Popen([sys.executable, "-m", "egress_lint", "check", str(path)], stdout=secondary,
                            stderr=subprocess.PIPE, env=env)
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closes when the child exits
            break
        if not chunk:
            break
        output += chunk
    proc.wait(timeout=60)
    os.close(primary)
    assert b"\033[31m\033[1mEGR101\033[0m" in output


def _with_metadata(tmp_path: Path, *urls: str) -> dict:
    """An environment whose egress-lint distribution metadata declares ``urls`` (Project-URL lines),
    found before the installed one, as a packaged release would carry them."""
    info = tmp_path / "meta" / "egress_lint-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: egress-lint\nVersion: 0.1.0\n"
                                   + "".join(f"Project-URL: {url}\n" for url in urls))
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(info.parent), os.environ.get("PYTHONPATH")]))}


def test_sarif_help_uri_is_the_rule_page_under_the_declared_documentation_url(tmp_path):
    (tmp_path / "client.py").write_text(INSECURE)
    # This project declares no documentation URL yet, and none is invented: no helpUri.
    assert "urls" not in __import__("tomllib" if sys.version_info >= (3, 11) else "tomli").loads(
        (ROOT / "pyproject.toml").read_text())["project"]
    plain = json.loads(egress_lint("check", "--format", "sarif", "client.py", cwd=tmp_path).stdout)
    assert all("helpUri" not in rule for rule in plain["runs"][0]["tool"]["driver"]["rules"])
    # A homepage says nothing about where the rule pages are: still none.
    home = _with_metadata(tmp_path / "home", "Homepage, https://egress-lint.example.org")
    log = json.loads(egress_lint("check", "--format", "sarif", "client.py", cwd=tmp_path, env=home).stdout)
    assert all("helpUri" not in rule for rule in log["runs"][0]["tool"]["driver"]["rules"])
    # A release that declares its documentation gets each rule's page there (docs/rules/EGRnnn.md).
    docs = _with_metadata(tmp_path / "docs", "Homepage, https://egress-lint.example.org",
                          "Documentation, https://egress-lint.example.org/docs/")
    log = json.loads(egress_lint("check", "--format", "sarif", "client.py", cwd=tmp_path, env=docs).stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["helpUri"] for rule in rules] == [
        f"https://egress-lint.example.org/docs/rules/{rule.code}.md" for rule in RULES]
    assert all((ROOT / "docs" / "rules" / f"{rule.code}.md").is_file() for rule in RULES)
