"""Formatters: each module renders a Report as one output format for `egress-lint check`."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ..diagnostics import Diagnostic
from ..fingerprints import numbered

FORMATS = ("text", "json", "sarif", "github", "gitlab")


@dataclass(frozen=True)
class Problem:
    """A file (or argument) that could not be checked, or a rule that failed on it."""

    message: str
    path: Optional[str] = None
    internal: bool = False  # a rule or the analysis failed (a bug of ours), not the file

    @property
    def position(self) -> Tuple[int, int]:
        """(line, column) when the message starts with ``path:line[:col]:``, else (0, 0)."""
        if self.path:
            match = re.match(re.escape(self.path) + r":(\d+)(?::(\d+))?:", self.message)
            if match:
                return int(match.group(1)), int(match.group(2) or 0)
        return 0, 0


@dataclass
class Report:
    diagnostics: List[Diagnostic]  # sorted, after noqa, per-file-ignores and baseline
    files_checked: int
    problems: List[Problem] = field(default_factory=list)
    baselined: int = 0  # findings left out because the baseline lists them
    skipped: List[Tuple[str, str]] = field(default_factory=list)  # folders skipped by default: (path, why)
    excluded: List[str] = field(default_factory=list)  # paths the exclude globs left out (folders end in /)
    suppressed: Dict[str, int] = field(default_factory=dict)  # findings hidden: "noqa", "per-file-ignores"
    rules_enabled: Tuple[str, ...] = ()  # the codes that ran
    rules_total: int = 0  # how many rules the catalogue has
    noqa: List[Diagnostic] = field(default_factory=list)  # the findings a ``# noqa`` comment hid
    in_baseline: List[Diagnostic] = field(default_factory=list)  # the findings the baseline hid

    def numbered(self) -> List[Tuple[Diagnostic, int]]:
        """The reported findings with their occurrence, counted among every finding of the run
        (suppressed ones too), so a finding keeps its identity whether or not its twin is hidden."""
        return [(d, n) for d, n, kind in self.all_numbered() if not kind]

    def all_numbered(self) -> List[Tuple[Diagnostic, int, str]]:
        """Every finding with its occurrence and why it is hidden: "" reported, "noqa", "baseline"."""
        kinds = [(d, "") for d in self.diagnostics] + [(d, "baseline") for d in self.in_baseline] \
            + [(d, "noqa") for d in self.noqa]
        kinds.sort(key=lambda pair: pair[0].sort_key)
        kind_of = {id(d): kind for d, kind in kinds}
        return [(d, n, kind_of[id(d)]) for d, n in numbered(d for d, _ in kinds)]

    def statistics(self) -> Dict[str, int]:
        return dict(sorted(Counter(d.code for d in self.diagnostics).items()))


@dataclass(frozen=True)
class Style:
    show_hints: bool = True
    statistics: bool = False
    colour: bool = False
    quiet: bool = False  # the findings only: no summary, no counts
    show_source: bool = False  # the source line and a caret under each text finding
    sources: Dict[str, List[str]] = field(default_factory=dict, compare=False, hash=False)  # path -> lines
    root: str = ""  # SARIF and GitLab paths are relative to this folder (the repository's top level)


def repository_root(start: Optional[str] = None) -> str:
    """The git top level of the working directory, or the working directory outside a repository."""
    import os
    import subprocess

    start = start or os.getcwd()
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return start
    top = proc.stdout.strip()
    return top if proc.returncode == 0 and top else start


def relative_to_root(path: str, root: str) -> Optional[str]:
    """``path`` relative to ``root`` in POSIX spelling, or None when it is outside."""
    import os
    from pathlib import PurePath

    if not root:
        return None if PurePath(path).is_absolute() else PurePath(path).as_posix()
    for resolve in (os.path.abspath, os.path.realpath):  # git names the root with symlinks resolved
        relative = os.path.relpath(resolve(path), resolve(root))
        if relative != ".." and not relative.startswith(".." + os.sep):
            return PurePath(relative).as_posix()
    return None


def render(name: str, report: Report, style: Style) -> str:
    from importlib import import_module

    return import_module(f"{__name__}.{name}").render(report, style)


def visibility(report: Report) -> List[str]:
    """What the run left out, as summary phrases: nothing the gate did not look at stays unsaid."""
    parts: List[str] = []
    if report.skipped:
        from ..textsafe import escape

        # Each skipped folder is named, unless one reason covers more than three (a tree has a
        # __pycache__ in every package): then that reason is counted, and JSON/SARIF list them all.
        by_reason: Dict[str, List[str]] = {}
        for path, why in report.skipped:
            by_reason.setdefault(why, []).append(path)
        names = []
        for why, paths in by_reason.items():
            if len(paths) > 3:
                names.append(f"{len(paths)} {why} folders")
            else:
                names.extend(f"{escape(path)} ({why})" for path in paths)
        count = len(report.skipped)
        parts.append(f"{count} folder{'s' if count != 1 else ''} skipped: {', '.join(names)}")
    if report.excluded:
        count = len(report.excluded)
        parts.append(f"{count} path{'s' if count != 1 else ''} excluded")
    hidden = {name: n for name, n in report.suppressed.items() if n}
    if hidden:
        total = sum(hidden.values())
        detail = ", ".join(f"{n} by {name}" for name, n in sorted(hidden.items()))
        parts.append(f"{total} finding{'s' if total != 1 else ''} suppressed ({detail})")
    if report.rules_total and len(report.rules_enabled) < report.rules_total:
        parts.append(f"{len(report.rules_enabled)} of {report.rules_total} rules enabled")
    return parts
