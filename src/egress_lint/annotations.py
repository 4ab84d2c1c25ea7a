"""The annotation grammar shared by the fixtures, the rule examples and the Semgrep tests.

``# ruleid: EGR101`` (or ``EGR101, EGR201``) on its own line marks the next code line as a line
where each code must be reported; ``# ok: EGR201`` marks one where it must not be;
``# todoruleid:`` / ``# todook:`` mark known gaps, reported but not failed.
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, Set, Tuple

_ANNOTATION = re.compile(r"^#\s*(ruleid|ok|todoruleid|todook):\s*(.+?)\s*$")
KINDS = ("ruleid", "ok", "todoruleid", "todook")


def expectations(lines: Iterable[str]) -> Dict[str, Set[Tuple[int, str]]]:
    """``{"ruleid": {(line, code), ...}, "ok": ..., ...}`` with 1-based line numbers."""
    found: Dict[str, Set[Tuple[int, str]]] = {kind: set() for kind in KINDS}
    pending = []
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        match = _ANNOTATION.match(stripped)
        if match:
            codes = [code.strip() for code in match.group(2).split(",") if code.strip()]
            pending.append((match.group(1), codes))
            continue
        if not stripped or stripped.startswith("#") or stripped.startswith("@"):
            continue
        for kind, codes in pending:
            found[kind].update((number, code) for code in codes)
        pending = []
    return found
