"""Docs that work when pasted: every fenced block in README.md and docs/*.md marked
``<!-- runnable: KIND -->`` on the line before it is run here, against this checkout.

Kinds: ``sh`` (each command line runs in a sandbox project: exit 0 or 1, never a usage error or a
traceback; ``pip install . && REST`` runs REST, since the sandbox's egress-lint is this checkout),
``pre-commit`` (the block is the .pre-commit-config.yaml of a git repository and
`pre-commit run --all-files` runs it), ``pre-commit-repository`` (the same, with the placeholder URL
and commit replaced by this checkout and its HEAD: pre-commit installs the hooks from the
repository as a user's would), ``pyproject`` / ``setup.cfg`` (the block is that file, and
`egress-lint check` / `flake8` read it, without a configuration error), ``github-workflow`` and
``gitlab-ci`` (the block is parsed and its commands run, except the one that installs egress-lint:
the sandbox already has it; a step that uses this repository's action runs the action's check step
with the step's inputs). The ``egress-lint`` command of the sandbox is this checkout's, so no block
can pass against an older install. The repository's action.yml is run the same way.

Every ``sh``, ``yaml``, ``ini`` and ``toml`` block is marked either runnable or
``<!-- not runnable: REASON -->``, so a new command block cannot go untested unnoticed.
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
MARKER = re.compile(r"^<!-- runnable: (?P<kind>[\w.-]+) -->\n```[\w-]*\n(?P<body>.*?)^```", re.M | re.S)
FENCE = re.compile(r"^```(?P<lang>[\w.-]*)\n.*?^```", re.M | re.S)
COMMAND_LANGUAGES = {"sh", "shell", "bash", "console", "yaml", "yml", "ini", "cfg", "toml"}
NOTEBOOK = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
    {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
     "source": ["import requests\n", "requests.get('https://api.example.com', verify=False)\n"]}]}


def blocks():
    found = []
    for doc in DOCS:
        for match in MARKER.finditer(doc.read_text()):
            line = doc.read_text()[:match.start()].count("\n") + 1
            found.append(pytest.param(match.group("kind"), match.group("body"),
                                      id=f"{doc.relative_to(ROOT)}:{line}:{match.group('kind')}"))
    return found


def test_the_docs_mark_their_runnable_blocks():
    kinds = {p.values[0] for p in blocks()}
    assert {"sh", "pre-commit", "pre-commit-repository", "pyproject", "setup.cfg", "github-workflow",
            "gitlab-ci"} <= kinds


def test_every_command_block_is_run_or_says_why_not():
    unmarked = []
    for doc in DOCS:
        text = doc.read_text()
        for match in FENCE.finditer(text):
            before = text[:match.start()].rstrip("\n").rsplit("\n", 1)[-1]
            if match.group("lang") in COMMAND_LANGUAGES and not re.fullmatch(
                    r"<!-- (runnable: [\w.-]+|not runnable: .+) -->", before):
                unmarked.append(f"{doc.relative_to(ROOT)}:{text[:match.start()].count(chr(10)) + 1}")
    assert unmarked == []


# One pre-commit store for the blocks that install the hooks from the repository (README and
# docs/integrations.md show the same block): the second run reuses the first one's install.
_SHARED_CACHE = Path(os.environ.get("TMPDIR", "/tmp")) / f"egress-lint-doc-snippets-{os.getpid()}"


@pytest.fixture(scope="module", autouse=True)
def _shared_pre_commit_cache():
    yield
    shutil.rmtree(_SHARED_CACHE, ignore_errors=True)


@pytest.fixture
def sandbox(tmp_path):
    """A small project: src/ and examples/ (the insecure example service), app/client.py, a notebook,
    the Semgrep rules, a git repository; and a bin/ whose egress-lint runs this checkout."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "examples", project / "examples")
    shutil.copytree(ROOT / "examples" / "payments_service", project / "src")
    shutil.copytree(ROOT / "rules", project / "rules")
    (project / "app").mkdir()
    (project / "app" / "client.py").write_text("import requests\n\nrequests.get('https://api.example.com', "
                                               "verify=False)\n")
    (project / "notebooks").mkdir()
    (project / "notebooks" / "analysis.ipynb").write_text(json.dumps(NOTEBOOK))
    # A project's own pyproject.toml, without a [tool.egress-lint] table (blocks may add one).
    (project / "pyproject.toml").write_text('[project]\nname = "payments-service"\nversion = "1.0"\n')
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "egress-lint"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -m egress_lint \"$@\"\n")
    shim.chmod(shim.stat().st_mode | stat.S_IEXEC)
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit-cache")
    env["SEMGREP_ENABLE_VERSION_CHECK"] = "0"
    env.pop("NO_COLOR", None)
    return project, env


def _run(command: str, project: Path, env: dict) -> subprocess.CompletedProcess:
    proc = subprocess.run(["bash", "-c", command], cwd=project, env=env, capture_output=True, text=True,
                          timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode in (0, 1), f"{command!r} exited {proc.returncode}:\n{output}"
    assert "Traceback" not in output and "usage: egress-lint" not in output, f"{command!r}:\n{output}"
    return proc


def _commands(body: str):
    """The command lines of a shell block: comment-only lines and blank lines left out."""
    return [line for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _installs(command: str) -> bool:
    return "pip install" in command


_CHECKOUT_INSTALL = re.compile(r"^python3 -m pip install (\.|-e \.|-e \"\.\[[\w,]+\]\") && (?P<rest>.+)$")


def _after_checkout_install(command: str):
    """``pip install . && REST``: REST (the sandbox's egress-lint is this checkout); else None."""
    match = _CHECKOUT_INSTALL.match(command.split("  #", 1)[0].strip())
    return match.group("rest") if match else None


def _action_steps(project: Path, env: dict, inputs: dict) -> subprocess.CompletedProcess:
    """action.yml's check step (and its fail-on-findings step) with ``inputs`` over the defaults, as
    the runner would execute them; the upload step needs GitHub and is left out."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    values = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    values.update({name: str(value) for name, value in inputs.items()})
    output = project / "github-output.txt"
    output.write_text("")
    env = dict(env, GITHUB_ACTION_PATH=str(ROOT), GITHUB_OUTPUT=str(output))
    [check] = [step for step in action["runs"]["steps"] if step.get("id") == "check"]
    step_env = {key: re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: values[m.group(1)], value)
                for key, value in check["env"].items()}
    proc = subprocess.run(["bash", "-e", "-c", check["run"]], cwd=project, env=dict(env, **step_env),
                          capture_output=True, text=True, timeout=600)
    proc.exit_code = output.read_text()  # type: ignore[attr-defined]
    if proc.returncode == 0 and values["fail-on-findings"] == "true" and proc.exit_code == "exit-code=1\n":
        proc.returncode = 1  # the action's "Fail on findings" step
    proc.values = values  # type: ignore[attr-defined]
    return proc


@pytest.mark.parametrize("kind, body", blocks())
def test_runnable_block(kind, body, sandbox):
    project, env = sandbox
    if kind == "sh":
        for command in _commands(body):
            rest = _after_checkout_install(command)
            if rest == "python3 -m pytest":
                # The whole suite, which cannot run inside itself: CI runs exactly this line.
                assert command in (ROOT / ".ci" / "run").read_text()
                continue
            if rest is not None:
                command = rest
            assert not _installs(command), "a runnable block must not install egress-lint: " + command
            _run(command, project, env)
    elif kind == "pre-commit":
        (project / ".pre-commit-config.yaml").write_text(body)
        subprocess.run(["git", "add", "."], cwd=project, check=True)
        proc = _run("pre-commit run --all-files", project, env)
        assert "EGR" in proc.stdout, proc.stdout  # the hooks ran and reported the example service
    elif kind == "pre-commit-repository":
        config = yaml.safe_load(body)
        [repo] = config["repos"]
        hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
        assert {hook["id"] for hook in repo["hooks"]} <= hooks
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        if head.returncode != 0:
            pytest.skip("this checkout is not a git repository: nothing for pre-commit to install from")
        assert re.fullmatch(r"[0-9a-f]{40}", str(repo["rev"]))  # a full commit SHA, as the text says
        (project / ".pre-commit-config.yaml").write_text(
            body.replace(repo["repo"], str(ROOT)).replace(str(repo["rev"]), head.stdout.strip()))
        subprocess.run(["git", "add", "."], cwd=project, check=True)
        # The hooks run from their own install: the source tree must not leak in through PYTHONPATH.
        proc = _run("pre-commit run --all-files", project, dict(env, PYTHONPATH="", PRE_COMMIT_HOME=str(_SHARED_CACHE)))
        assert "EGR" in proc.stdout, proc.stdout
    elif kind == "pyproject":
        (project / "pyproject.toml").write_text(body)
        proc = _run("egress-lint check --no-cache src/", project, env)
        assert proc.stdout.splitlines()[-1].startswith(("Found", "No findings")), proc.stdout
    elif kind == "setup.cfg":
        (project / "setup.cfg").write_text(body)
        proc = _run(f"{sys.executable} -m flake8 src/", project, env)
        assert " EGR" in proc.stdout, proc.stdout  # the [flake8] section selects the plugin's codes
        assert " EGR000 " not in proc.stdout, proc.stdout  # and is read without a configuration error
        _run("egress-lint check --no-cache src/", project, env)  # the CLI reads the same options
    elif kind == "github-workflow":
        workflow = yaml.safe_load(body)
        steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
        commands = [step["run"] for step in steps if "run" in step and not _installs(step["run"])]
        actions = [step for step in steps if "/egress-lint@" in str(step.get("uses", ""))]
        assert commands or actions
        for command in commands:
            _run(command, project, env)
        for step in actions:
            proc = _action_steps(project, env, step.get("with", {}))
            assert proc.returncode == 0, proc.stdout + proc.stderr  # the job passes as configured
            assert proc.exit_code == "exit-code=1\n"  # the sandbox has findings: code scanning shows them
            assert json.loads((project / proc.values["sarif-file"]).read_text())["runs"][0]["results"]
    elif kind == "gitlab-ci":
        config = yaml.safe_load(body)
        jobs = [job for job in config.values() if isinstance(job, dict) and "script" in job]
        assert jobs
        for job in jobs:
            for command in job["script"]:
                if not _installs(command):
                    _run(command, project, env)
            for report in job.get("artifacts", {}).get("reports", {}).values():
                assert (project / report).is_file(), report  # the report GitLab is told to collect exists
    else:
        pytest.fail(f"unknown runnable kind {kind!r}")


def test_the_github_action_runs_its_check_step(sandbox):
    """action.yml's own steps, with its inputs' defaults, as the runner would execute them."""
    project, env = sandbox
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    proc = _action_steps(project, env, {})
    assert proc.returncode == 0, proc.stdout + proc.stderr  # findings do not fail the step; errors would
    assert proc.exit_code == "exit-code=1\n"
    log = json.loads((project / proc.values["sarif-file"]).read_text())
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    [install] = [step for step in action["runs"]["steps"] if "pip install" in step.get("run", "")]
    assert '"$GITHUB_ACTION_PATH"' in install["run"]  # installed from the action's checkout, not PyPI
