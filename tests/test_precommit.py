"""The hooks in .pre-commit-hooks.yaml, installed and run by the real pre-commit."""
import os
import subprocess
import sys

from .conftest import ROOT
from .helpers import run

INSECURE = "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"


def test_check_hook_fails_on_insecure_code_and_passes_once_fixed(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    client = repo / "client.py"
    client.write_text(INSECURE)
    (repo / "notes.txt").write_text("verify=False\n")  # not Python: the hook must not be given it
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    # The hook runs from its own isolated install: the source tree must not leak in through PYTHONPATH.
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PYTHONPATH": ""}
    try_repo = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "egress-lint", "--all-files"]

    failed = run(try_repo, cwd=repo, env=env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "client.py:3:1: EGR101 [~] requests.get() disables certificate verification (verify=False)" in failed.stdout
    assert "notes.txt" not in failed.stdout
    assert client.read_text() == INSECURE  # a check hook never modifies files

    client.write_text(INSECURE.replace(", verify=False", ""))
    passed = run(try_repo, cwd=repo, env=env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "egress-lint" in passed.stdout and "Passed" in passed.stdout
