"""The same input gives byte-identical output, whatever the order of the files, the hash seed, the
number of workers or the cache."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import EXAMPLES, FIXTURES
from tests.helpers import egress_lint


def test_output_does_not_depend_on_file_order_or_hash_seed(tmp_path: Path):
    for source in sorted(FIXTURES.glob("EGR*.py")) + sorted(EXAMPLES.rglob("*.py")):
        shutil.copy(source, tmp_path / f"{source.parent.name}_{source.name}")
    (tmp_path / "broken.py").write_text("import requests\ndef (:\n")
    (tmp_path / "undecodable.py").write_bytes(b"import requests\nx = '\xff'\n")
    names = sorted(p.name for p in tmp_path.iterdir())
    runs = [
        egress_lint("check", "--no-cache", "--jobs", "1", *names, cwd=tmp_path, env={"PYTHONHASHSEED": "1"}),
        egress_lint("check", "--no-cache", "--jobs", "2", *reversed(names), "missing.py", cwd=tmp_path,
                    env={"PYTHONHASHSEED": "2"}),
        egress_lint("check", "--jobs", "3", "missing.py", ".", cwd=tmp_path, env={"PYTHONHASHSEED": "3"}),
        egress_lint("check", "missing.py", ".", cwd=tmp_path, env={"PYTHONHASHSEED": "4"}),  # from the cache
    ]
    first = runs[0]
    assert first.returncode == 2 and first.stdout.count(": EGR1") > 20, first.stdout
    assert "broken.py:2:5: syntax error" in first.stderr and "undecodable.py: cannot decode" in first.stderr
    for run in runs[1:]:  # the first run names no missing file, so only its summary differs
        assert run.stdout.splitlines()[:-1] == first.stdout.splitlines()[:-1]
        assert run.stderr == "egress-lint: missing.py: no such file or directory\n" + first.stderr
    assert runs[1].stdout == runs[2].stdout == runs[3].stdout


def test_the_collector_schedule_leaves_the_process_as_it_found_it(tmp_path: Path, monkeypatch):
    """One process checks the files with the cyclic collector off, collecting (and freezing what
    survives) now and then, each wait twice the one before when the collection found little; the
    findings are the same as with the collector on, and the collector is on again, with nothing
    frozen, once the files are checked."""
    import gc

    from egress_lint import runner
    from egress_lint.config import Settings

    for n in range(5):
        (tmp_path / f"m{n}.py").write_text(
            f"import requests\n\n\ndef f{n}():\n    return [requests.get(u, verify=False) for u in ('https://a.example.com',)]\n")
    files = sorted(str(p) for p in tmp_path.glob("*.py"))
    monkeypatch.setattr(runner, "_collect_every", 1)  # after the 1st and the 3rd file: the waits double
    monkeypatch.setattr(runner, "_checked_since_collect", 0)
    full = []

    def note(phase, info):
        # the schedule's own collections: made while the collector is off (once it is on again at
        # the end, it may start one of its own)
        if phase == "start" and info["generation"] == 2 and not gc.isenabled():
            full.append(phase)

    gc.callbacks.append(note)
    try:
        results = runner.run_files(files, Settings(), jobs=1)
    finally:
        gc.callbacks.remove(note)
    assert len(full) == 2 and runner._collect_every == 4
    assert [(r.path, [(d.line, d.code) for d in r.diagnostics]) for r in results] == \
        [(path, [(5, "EGR101")]) for path in files]
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_worker_processes_leave_the_collector_as_they_found_it(tmp_path: Path):
    """The process that forks the workers freezes what it holds while they run, and thaws it after."""
    import gc

    from egress_lint import runner
    from egress_lint.config import Settings

    for n in range(16):
        (tmp_path / f"m{n:02}.py").write_text("import requests\n\nrequests.get('https://a.example.com', verify=False)\n")
    files = sorted(str(p) for p in tmp_path.glob("*.py"))
    assert gc.get_freeze_count() == 0
    results = runner.run_files(files, Settings(), jobs=2)
    assert [(r.path, [(d.line, d.code) for d in r.diagnostics]) for r in results] == \
        [(path, [(3, "EGR101")]) for path in files]
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    if runner._START_METHOD == "fork":  # each worker starts with this process's objects frozen
        seen = runner.run_files(files, Settings(), jobs=2, task=_frozen_in_worker)
        assert all(int(r.error) > 0 for r in seen)
        assert gc.get_freeze_count() == 0


def _frozen_in_worker(path, settings):
    import gc

    from egress_lint.engine import FileResult

    return None, FileResult(path, error=str(gc.get_freeze_count()))
