"""Small helpers the tests share: run the engine or the real tools and read their findings."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Set, Tuple

from egress_lint.config import Settings
from egress_lint.engine import check_source

FLAKE8_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<message>.*)$")


def engine_findings(path: Path, settings: Settings = None, use_precheck: bool = True) -> Set[Tuple[int, str]]:
    result = check_source(path.read_bytes(), str(path), settings or Settings(), use_precheck=use_precheck)
    assert result.error is None, result.error
    assert not result.internal_errors, result.internal_errors
    return {(d.line, d.code) for d in result.diagnostics}


def run(args: List[str], cwd: Path = None, env: dict = None, input: str = None) -> subprocess.CompletedProcess:
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(args, cwd=cwd, env=full_env, input=input, capture_output=True, text=True, timeout=600)


def egress_lint(*args: str, cwd: Path = None, env: dict = None) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "egress_lint", *args], cwd=cwd, env=env)


def flake8(*args: str, cwd: Path = None, env: dict = None) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "flake8", "--isolated", *args], cwd=cwd, env=env)


def parse_lines(output: str) -> List[dict]:
    return [m.groupdict() for m in map(FLAKE8_LINE.match, output.splitlines()) if m]


def project_expectations(root: Path, kind: str) -> Set[Tuple[str, int, str]]:
    """(file relative to ``root``, line, code) of every ``kind`` annotation (ruleid, ok, ...) in a
    fixture project."""
    from egress_lint.annotations import expectations

    found: Set[Tuple[str, int, str]] = set()
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        found |= {(rel, line, code) for line, code in expectations(path.read_text().splitlines())[kind]}
    return found


def cached_dependencies(cache: Path, name_end: str) -> List[str]:
    """The modules the cache entry of the one checked file whose path ends with ``name_end`` depends on."""
    import json

    entries = json.loads(next(cache.glob("*.json")).read_text())
    [entry] = [v for k, v in entries.items() if k.endswith(name_end)]
    return entry["deps"]


def check_project(folder: Path, *extra: str, env: dict = None):
    """``check`` run in ``folder``: the process and its findings as (path, line, code)."""
    proc = egress_lint("check", "--no-hints", *extra, ".", cwd=folder, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert "internal error" not in proc.stderr, proc.stderr
    return proc, {(f["path"], int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
