"""Output that lands well in code scanning, GitHub, GitLab and pre-commit."""
import json
import subprocess
import sys

import jsonschema

from .conftest import ROOT
from .helpers import egress_lint, run

SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
INSECURE = "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"


def _repo(tmp_path):
    repo = tmp_path / "repo"
    (repo / "svc" / "app").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "svc" / "app" / "client.py").write_text(
        INSECURE + "requests.get('https://api.example.com', verify=False)  # noqa: EGR101\n"
        "requests.post('https://api.example.com/pay',\n              verify=False)\n")
    return repo


def test_sarif_maps_onto_the_repository_and_keeps_suppressed_findings(tmp_path):
    repo = _repo(tmp_path)
    service = repo / "svc"
    baseline = egress_lint("check", "--no-cache", "--write-baseline", "b.json", "app", cwd=service)
    assert baseline.returncode == 0, baseline.stderr
    (service / "app" / "client.py").write_text((service / "app" / "client.py").read_text() + INSECURE.split("\n")[2]
                                               + "\n")
    proc = egress_lint("check", "--no-cache", "--format", "sarif", "--baseline", "b.json", "app", cwd=service)
    assert proc.returncode == 1, proc.stderr
    log = json.loads(proc.stdout)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run_ = log["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    seen = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["locations"][0]["physicalLocation"]["region"]["startLine"],
             [s["kind"] for s in r.get("suppressions", [])]) for r in run_["results"]]
    assert seen == [("svc/app/client.py", 3, ["external"]), ("svc/app/client.py", 4, ["inSource"]),
                    ("svc/app/client.py", 5, ["external"]), ("svc/app/client.py", 7, [])]
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
               for r in run_["results"])
    fingerprints = [next(iter(r["partialFingerprints"].values())) for r in run_["results"]]
    assert len(set(fingerprints)) == len(fingerprints)
    for rule in run_["tool"]["driver"]["rules"]:
        assert 0 < float(rule["properties"]["security-severity"]) <= 10, rule["id"]

    rooted = json.loads(egress_lint("check", "--no-cache", "--format", "sarif", "--sarif-root", ".", "app",
                                    cwd=service).stdout)
    assert rooted["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
        == "app/client.py"


def test_github_annotations_have_a_title_and_an_end(tmp_path):
    (tmp_path / "a.py").write_text("import requests\nrequests.post('https://api.example.com/pay',\n"
                                   "              verify=False)\n")
    lines = egress_lint("check", "--no-cache", "--format", "github", "--no-hints", "a.py", cwd=tmp_path).stdout
    assert lines.splitlines()[0] == (
        "::error file=a.py,line=2,col=1,endLine=3,endColumn=28,title=EGR101 Certificate verification disabled "
        "on an HTTP client call or client object::requests.post() disables certificate verification (verify=False)")


def test_gitlab_code_quality_report(tmp_path):
    repo = _repo(tmp_path)
    proc = egress_lint("check", "--no-cache", "--format", "gitlab", "app", cwd=repo / "svc")
    assert proc.returncode == 1, proc.stderr
    issues = json.loads(proc.stdout)
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        ("EGR101", "svc/app/client.py", 3), ("EGR101", "svc/app/client.py", 5)]
    for issue in issues:  # the fields GitLab requires, with the values it accepts
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["description"].startswith("EGR101 ") and issue["type"] == "issue"
        assert issue["location"]["lines"]["end"] >= issue["location"]["lines"]["begin"]
    assert len({i["fingerprint"] for i in issues}) == 2  # identical calls, distinct issues


def _hook_repo(path):
    """This checkout as it is on disk (uncommitted changes included), committed in a repository of
    its own, as `pre-commit try-repo` does, so a config can name it with a rev."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.splitlines()
    for name in files:
        source = ROOT / name
        if source.is_file():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            (path / name).write_bytes(source.read_bytes())
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "hooks"]):
        subprocess.run(["git", *args], cwd=path, check=True)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=path, check=True, capture_output=True, text=True)
    return path, rev.stdout.strip()


def test_pre_commit_hooks_run_in_order_and_list_each_finding_once(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    for i in range(12):  # enough files for pre-commit to split them over processes without require_serial
        (repo / f"m{i}.py").write_text("import requests\nimport urllib3\n\nurllib3.disable_warnings()\n"
                                       f"requests.get('https://api{i}.example.com', verify=False)\n")
    hooks, rev = _hook_repo(tmp_path / "hooks")
    (repo / ".pre-commit-config.yaml").write_text(  # the order README and docs/integrations.md give
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: egress-lint-fix\n"
        "      - id: egress-lint\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    proc = run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo,
               env={"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PYTHONPATH": ""})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    out = proc.stdout
    assert out.index("egress-lint fix (safe fixes)....") < out.index("\negress-lint....")
    for i in range(12):
        assert out.count(f"m{i}.py:3:1: EGR101") == 1, out  # listed by the check hook only (after the fix)
        assert out.count(f"m{i}.py:4:1: EGR105 fixed") == 1, out
    assert out.count("Found 12 findings in 12 files") == 1  # one process, one summary
    assert out.count("12 findings remain: `egress-lint check` lists them.") == 1
