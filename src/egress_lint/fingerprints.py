"""Stable identities for findings, shared by the JSON and SARIF output and the baseline.

A fingerprint hashes what a finding *is* — its code, its message with numbers masked and the
whitespace-normalised text of the reported lines — and leaves out where it is, so it survives line
shifts and edits elsewhere in the file. Two identical findings in one file share a fingerprint; their
``occurrence`` (1, 2, ... in line order) tells them apart, so a baseline can count them.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Iterable, Iterator, Sequence, Tuple

from .diagnostics import Diagnostic

VERSION = "v1"
_NUMBER = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def fingerprint(code: str, message: str, lines: Sequence[str], line: int, end_line: int) -> str:
    # Messages may point at other lines ("verify=False via SETTINGS, line 16"): mask the numbers.
    snippet = " ".join(lines[line - 1:max(line, end_line)]) if 0 < line <= len(lines) else ""
    text = "\0".join((VERSION, code, _NUMBER.sub("#", message), _SPACE.sub(" ", snippet).strip()))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def numbered(diagnostics: Iterable[Diagnostic]) -> Iterator[Tuple[Diagnostic, int]]:
    """Each diagnostic with its occurrence among the same fingerprint in the same file."""
    seen: Counter = Counter()
    for diagnostic in diagnostics:
        key = (diagnostic.path, diagnostic.fingerprint)
        seen[key] += 1
        yield diagnostic, seen[key]
