"""Every .py file of the installed standard library and site-packages goes through the whole engine
(pre-check off, so each parsable file is analysed) without one internal error.

CI checks a deterministic sample: every Nth file of the sorted list (N from EGRESS_LINT_SWEEP_STRIDE,
default 15, about 1,000 files). The full sweep runs on demand:

    EGRESS_LINT_SWEEP_STRIDE=1 python3 -m pytest tests/test_robustness_sweep.py -s
"""
from __future__ import annotations

import os
import site
import sysconfig
import time
from concurrent.futures import ProcessPoolExecutor
from typing import List, Tuple

from egress_lint.config import Settings
from egress_lint.engine import check_source

STRIDE = int(os.environ.get("EGRESS_LINT_SWEEP_STRIDE", "15"))


def installed_python_files() -> List[str]:
    roots = {os.path.realpath(p) for p in (sysconfig.get_paths()["stdlib"], *site.getsitepackages())}
    found = set()
    for root in sorted(roots):
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            found.update(os.path.join(folder, name) for name in files if name.endswith(".py"))
    return sorted(found)


def sweep(paths: List[str]) -> Tuple[int, int, int, List[str]]:
    """(files analysed, lines, files Python itself could not parse, internal errors)."""
    settings = Settings()
    analysed = lines = unparsable = 0
    internal: List[str] = []
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        result = check_source(data, path, settings, use_precheck=False)
        analysed += 1
        lines += data.count(b"\n")
        unparsable += result.error is not None
        internal.extend(result.internal_errors)
    return analysed, lines, unparsable, internal


def test_installed_code_gives_no_internal_error(capsys):
    everything = installed_python_files()
    sample = everything[::STRIDE]
    workers = max(1, min(4, os.cpu_count() or 1))
    chunks = [sample[i::workers] for i in range(workers)]
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        results = list(pool.map(sweep, chunks))
    elapsed = time.perf_counter() - started
    analysed = sum(r[0] for r in results)
    lines = sum(r[1] for r in results)
    unparsable = sum(r[2] for r in results)
    internal = [error for r in results for error in r[3]]
    with capsys.disabled():
        print(f"\nsweep: {analysed} of {len(everything)} installed .py files (every {STRIDE}th), {lines} lines, "
              f"{unparsable} not parsable by this Python, {elapsed:.1f} s with {workers} workers, "
              f"{analysed / elapsed:.0f} files/s, {lines / elapsed:.0f} lines/s")
    assert analysed > 100
    assert internal == []
