"""A baseline: the findings a codebase already had when it adopted egress-lint.

It stores, per file and fingerprint, how many findings there were. A later run reports only the
findings beyond those counts, so moving or editing around a baselined finding keeps it quiet, while
a second copy of it added to the same file is reported. Paths are stored relative to the baseline
file's folder, so the run may start from any directory.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

from .config import ConfigError
from .diagnostics import Diagnostic
from .fingerprints import numbered

VERSION = 1
Key = Tuple[str, str]  # (path relative to the baseline's folder, fingerprint)


def _key(path: str, fingerprint: str, folder: Path) -> Key:
    relative = os.path.relpath(os.path.abspath(path), folder)
    return Path(relative).as_posix(), fingerprint


def write(file: Path, diagnostics: Sequence[Diagnostic]) -> None:
    folder = file.resolve().parent
    counts: Counter = Counter()
    described: Dict[Key, Diagnostic] = {}
    for d in diagnostics:
        key = _key(d.path, d.fingerprint, folder)
        counts[key] += 1
        described.setdefault(key, d)
    findings = [{"path": path, "code": described[(path, fp)].code, "fingerprint": fp, "count": counts[(path, fp)],
                 "message": described[(path, fp)].message}
                for path, fp in sorted(counts, key=lambda k: (k[0], described[k].sort_key, k[1]))]
    text = json.dumps({"version": VERSION, "tool": "egress-lint", "findings": findings}, indent=2, ensure_ascii=False)
    from .commands.common import write_report

    write_report(file, text + "\n")


_MAX_BASELINE_BYTES = 256 * 1024 * 1024


def load(file: Path) -> Counter:
    """A committed file read defensively (see safe_json): not a regular file, too large, nested too
    deeply, or a count that is not a whole number (``1e400``) is one ConfigError line."""
    from .safe_json import load_json, whole_number

    try:
        data = load_json(file, _MAX_BASELINE_BYTES)
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        if data.get("version") != VERSION:
            raise ValueError(f"unsupported baseline version {data.get('version')!r}")
        counts: Counter = Counter()
        for item in data["findings"]:
            count = item["count"]
            if not whole_number(count) or count < 0:
                raise ValueError(f"count {count!r} is not a whole number")
            if not isinstance(item["path"], str) or not isinstance(item["fingerprint"], str):
                raise ValueError("path and fingerprint must be strings")
            counts[(item["path"], item["fingerprint"])] += count
        return counts
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{file}: cannot read baseline: {exc}") from None


def new_findings(diagnostics: Sequence[Diagnostic], baseline: Counter, file: Path) -> Tuple[List[Diagnostic], int]:
    """The diagnostics beyond the baseline's counts, and how many the baseline covered."""
    fresh, known = split(diagnostics, baseline, file)
    return fresh, len(known)


def split(diagnostics: Sequence[Diagnostic], baseline: Counter, file: Path) -> Tuple[List[Diagnostic], List[Diagnostic]]:
    """The diagnostics beyond the baseline's counts, and those the baseline covers."""
    folder = file.resolve().parent
    fresh: List[Diagnostic] = []
    known: List[Diagnostic] = []
    for d, occurrence in numbered(diagnostics):
        (fresh if occurrence > baseline[_key(d.path, d.fingerprint, folder)] else known).append(d)
    return fresh, known
