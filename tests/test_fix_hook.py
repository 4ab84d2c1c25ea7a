"""The `egress-lint-fix` pre-commit hook, through the real pre-commit against this checkout."""
import shutil
import subprocess
import sys

from .conftest import ROOT
from .helpers import run


def test_fix_hook_applies_safe_fixes_only(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    quiet = project / "quiet.py"
    quiet.write_text("import requests\nimport urllib3\n\nurllib3.disable_warnings()\n"
                     "requests.get('https://api.example.com', verify=False)\n")
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    proc = run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "egress-lint-fix", "--all-files"],
               cwd=project, env={"PRE_COMMIT_HOME": str(tmp_path / "cache")})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "files were modified by this hook" in proc.stdout
    assert quiet.read_text() == "import requests\n\nrequests.get('https://api.example.com', verify=False)\n"
    shutil.rmtree(tmp_path / "cache", ignore_errors=True)
