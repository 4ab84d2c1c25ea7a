"""flake8-shaped text lines, optional counts per code, and a one-line summary."""
from __future__ import annotations

from dataclasses import replace
from typing import List, Sequence

from ..catalogue import BY_CODE
from ..diagnostics import Diagnostic, Severity
from ..textsafe import escape, safe_path
from . import Report, Style, visibility

_RESET, _BOLD, _RED, _YELLOW = "\033[0m", "\033[1m", "\033[31m", "\033[33m"


def _line(d: Diagnostic, style: Style) -> str:
    # Source strings and file names are printed escaped: one line each, no terminal escapes, and no
    # line a CI log could read as a command.
    d = replace(d, path=safe_path(d.path), message=escape(d.message), hint=escape(d.hint))
    if not style.colour:
        return d.text(with_hint=style.show_hints, with_marker=True)
    colour = _RED if d.severity is Severity.ERROR else _YELLOW
    marker = f"{d.marker} " if d.marker else ""
    cell = f"cell {d.cell}:" if d.cell else ""
    body = f"{_BOLD}{d.path}{_RESET}:{cell}{d.line}:{d.col}: {colour}{_BOLD}{d.code}{_RESET} {marker}{d.message}"
    if style.show_hints and d.hint:
        body += f" \u2014 {d.hint}"
    return body


def _source(d: Diagnostic, style: Style) -> List[str]:
    """The reported source line, indented, and a caret under the column (flake8's --show-source)."""
    lines = style.sources.get(d.path) or []
    if d.cell or not 0 < d.line <= len(lines):
        return []
    text = lines[d.line - 1].rstrip("\r\n")
    shown = escape(text)
    if shown != text:  # control characters were escaped: the caret can no longer line up
        return [f"    {shown}"]
    pad = "".join(ch if ch == "\t" else " " for ch in text[:max(d.col - 1, 0)])
    return [f"    {text}", f"    {pad}^"]


def render(report: Report, style: Style) -> str:
    lines: List[str] = []
    for d in report.diagnostics:
        lines.append(_line(d, style))
        if style.show_source:
            lines.extend(_source(d, style))
    if style.quiet:
        return "\n".join(lines) + "\n" if lines else ""
    fixable = fixable_summary(report.diagnostics)
    if fixable:
        lines.append(fixable)
    if style.statistics:
        for code, count in report.statistics().items():
            slug = BY_CODE[code].slug if code in BY_CODE else ""
            lines.append(f"{count:<5} {code} {slug}".rstrip())
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> str:
    count = len(report.diagnostics)
    files_with = len({d.path for d in report.diagnostics})
    unreadable = len({p.path for p in report.problems if p.path and not p.internal})
    if count:
        summary = f"Found {count} finding{'s' if count != 1 else ''} in {files_with} file{'s' if files_with != 1 else ''}"
    elif report.files_checked and unreadable >= report.files_checked:
        summary = "Nothing could be checked"  # every file failed: "No findings" would read as a pass
    elif unreadable:
        summary = f"No {'new ' if report.baselined else ''}findings in the files that could be checked"
    else:
        summary = "No findings" if not report.baselined else "No new findings"
    checked = report.files_checked
    if summary == "Nothing could be checked":
        summary += f" ({checked} file{'s' if checked != 1 else ''}"
    else:
        summary += f" ({checked} file{'s' if checked != 1 else ''} checked"
    if report.baselined:
        summary += f", {report.baselined} in the baseline"
    errors = sum(1 for p in report.problems if not p.internal)
    if errors:
        summary += f", {errors} could not be checked"
    internal = len(report.problems) - errors
    if internal:  # the file was checked; these expressions or rules were not
        summary += f", {internal} internal error{'s' if internal != 1 else ''}"
    extra = visibility(report)
    summary += ("; " + "; ".join(extra) if extra else "") + ")."
    return summary


def fixable_summary(diagnostics: Sequence[Diagnostic]) -> str:
    safe = sum(1 for d in diagnostics if d.marker == "[*]")
    unsafe = sum(1 for d in diagnostics if d.marker == "[~]")
    parts = []
    if safe:
        parts.append(f"[*] {safe} fixable with `egress-lint fix`")
    if unsafe:
        parts.append(f"[~] {unsafe} {'more ' if safe else ''}fixable with `egress-lint fix --unsafe-fixes`")
    return "; ".join(parts) + "." if parts else ""
