"""--write-baseline / --baseline: old findings stay quiet through edits, new copies are reported."""
import json

from .helpers import egress_lint, parse_lines

BEFORE = ("import requests\n"
          "\n"
          "def fetch():\n"
          "    return requests.get('https://api.example.com', verify=False)\n")


def found(proc):
    return [(item["path"], item["line"], item["code"]) for item in parse_lines(proc.stdout)]


def test_baseline_survives_line_shifts_and_unrelated_edits(tmp_path):
    (tmp_path / "client.py").write_text(BEFORE)
    written = egress_lint("check", "--write-baseline", "baseline.json", ".", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    [entry] = json.loads((tmp_path / "baseline.json").read_text())["findings"]
    assert (entry["path"], entry["code"], entry["count"]) == ("client.py", "EGR101", 1)

    (tmp_path / "client.py").write_text(
        '"""Client for the reporting API."""\nimport logging\n\nLOG = logging.getLogger(__name__)\n'
        + BEFORE.replace("def fetch():", "def fetch(timeout=5):\n    LOG.info('fetching')"))
    proc = egress_lint("check", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout == "No new findings (1 file checked, 1 in the baseline).\n"


def test_second_identical_finding_is_new(tmp_path):
    (tmp_path / "client.py").write_text(BEFORE)
    egress_lint("check", "--write-baseline", "baseline.json", ".", cwd=tmp_path)
    (tmp_path / "client.py").write_text(
        BEFORE + "\ndef fetch_again():\n    return requests.get('https://api.example.com', verify=False)\n")
    proc = egress_lint("check", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert found(proc) == [("client.py", "7", "EGR101")]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "client.py").write_text(BEFORE)
    egress_lint("check", "--write-baseline", "baseline.json", "src", cwd=tmp_path)
    proc = egress_lint("check", "--baseline", "../baseline.json", ".", cwd=tmp_path / "src")
    assert proc.returncode == 0, proc.stdout


def test_unreadable_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "baseline.json").write_text("{not json")
    proc = egress_lint("check", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert proc.returncode == 2 and "cannot read baseline" in proc.stderr
