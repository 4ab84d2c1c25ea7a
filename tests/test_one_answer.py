"""One configuration, one answer: the same tree through the CLI, real flake8, the real pylsp, and
real pre-commit (the egress-lint hook and the flake8 route) gives the identical set of findings.

The tree exercises every way configuration and comments change the answer: the nearest
``[tool.egress-lint]`` per file (a sub-project has its own), ``ignore``, ``allowed-hosts``,
``per-file-ignores``, ``exclude``, a ``[flake8] egress-*`` option under a pyproject table that wins,
``# noqa`` on an inner line of a call, and the file-level ``# flake8: noqa`` / ``# egress-lint: noqa``.
"""
import os
import subprocess
import sys
from pathlib import Path

import flake8

from .conftest import ROOT
from .helpers import egress_lint, parse_lines, run
from .test_editor import LanguageServer

TREE = {
    "pyproject.toml": '[tool.egress-lint]\nignore = ["EGR105"]\nallowed-hosts = ["api.acme.io"]\n'
                      'exclude = ["generated"]\nper-file-ignores = { "tests/*" = ["EGR101"] }\n',
    # read by flake8 and the CLI alike; the pyproject table above sets allowed-hosts, so it wins there
    "setup.cfg": "[flake8]\negress-allowed-hosts = legacy.acme.io\n",
    "app.py": ("import requests\nimport urllib3\n\nurllib3.disable_warnings()\n"
               "requests.get('http://api.acme.io/ping')\n"
               "requests.get('http://legacy.acme.io/ping')\n"
               "requests.get(\n    'https://pay.acme.io/',\n    verify=False,  # noqa: EGR101\n)\n"
               "requests.get('https://pay.acme.io/', verify=False)\n"),
    "tests/test_app.py": "import requests\nrequests.get('https://x.acme.io/', verify=False)\n"
                         "requests.get('http://x.acme.io/')\n",
    "generated/client.py": "import requests\nrequests.get('https://x.acme.io/', verify=False)\n",
    "skipped.py": "# flake8: noqa\nimport requests\nrequests.get('https://x.acme.io/', verify=False)\n",
    "quiet.py": "# egress-lint: noqa\nimport requests\nrequests.get('https://x.acme.io/', verify=False)\n",
    # a sub-project with its own table: only EGR2 codes, and no allowed-hosts (setup.cfg's applies)
    "sub/pyproject.toml": '[tool.egress-lint]\nselect = ["EGR2"]\n',
    "sub/mod.py": "import requests\nrequests.get('http://legacy.acme.io/x', verify=False)\n"
                  "requests.get('http://other.acme.io/x')\n",
}

EXPECTED = {
    ("app.py", 6, "EGR201"),
    ("app.py", 11, "EGR101"),
    ("tests/test_app.py", 3, "EGR201"),
    ("sub/mod.py", 3, "EGR201"),
}


def _tree(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    for name, text in TREE.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    return repo


def _findings(output: str):
    return {(os.path.normpath(f["path"]).replace(os.sep, "/"), int(f["line"]), f["code"])
            for f in parse_lines(output) if f["code"].startswith("EGR")}


def test_cli_and_flake8_agree(tmp_path):
    from egress_lint.catalogue import RULES

    repo = _tree(tmp_path)
    cli = egress_lint("check", "--no-cache", ".", cwd=repo)
    assert _findings(cli.stdout) == EXPECTED, cli.stdout + cli.stderr
    assert cli.stdout.splitlines()[-1] == (
        "Found 4 findings in 3 files (5 files checked; 1 folder skipped: .git (version control); 1 path excluded; "
        f"4 findings suppressed (3 by noqa, 1 by per-file-ignores); {len(RULES) - 1} of {len(RULES)} rules enabled).")
    proc = run([sys.executable, "-m", "flake8", "--select", "EGR", "."], cwd=repo)
    assert _findings(proc.stdout) == EXPECTED, proc.stdout + proc.stderr


def test_pylsp_agrees(tmp_path):
    repo = _tree(tmp_path)
    server = LanguageServer(repo)
    found = set()
    try:
        server.send("initialize", {"processId": os.getpid(), "rootUri": repo.as_uri(), "capabilities": {}},
                    request=True)
        server.wait_for(lambda m: m.get("id") == 1 and "result" in m)
        server.send("initialized", {})
        server.send("workspace/didChangeConfiguration", {"settings": {"pylsp": {"plugins": {
            "flake8": {"enabled": True}, "pycodestyle": {"enabled": False}, "pyflakes": {"enabled": False},
            "mccabe": {"enabled": False}}}}})
        for name in sorted(n for n in TREE if n.endswith(".py")):
            uri = (repo / name).as_uri()
            server.send("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "python", "version": 1, "text": TREE[name]}})
            published = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                        and m["params"]["uri"] == uri)
            found |= {(name, d["range"]["start"]["line"] + 1, d["code"])
                      for d in published["params"]["diagnostics"] if str(d.get("code", "")).startswith("EGR")}
    finally:
        server.close()
    assert found == EXPECTED


def test_pre_commit_hooks_agree(tmp_path):
    """The egress-lint hook (the CLI) and the flake8 route, both installed by the real pre-commit."""
    repo = _tree(tmp_path)
    env = {"PRE_COMMIT_HOME": str(tmp_path / "cache"), "PYTHONPATH": ""}
    hook = run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "egress-lint", "--all-files"],
               cwd=repo, env=env)
    assert hook.returncode == 1, hook.stdout + hook.stderr
    assert _findings(hook.stdout) == EXPECTED, hook.stdout

    (repo / ".pre-commit-config.yaml").write_text(
        "repos:\n  - repo: local\n    hooks:\n      - id: flake8\n        name: flake8\n"
        "        entry: flake8 --select EGR\n        language: python\n        types: [python]\n"
        f"        additional_dependencies: ['flake8=={flake8.__version__}', '{ROOT}']\n")
    subprocess.run(["git", "add", "."], cwd=repo, check=True)
    route = run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env)
    assert route.returncode == 1, route.stdout + route.stderr
    assert _findings(route.stdout) == EXPECTED, route.stdout
