"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""
from __future__ import annotations

from typing import List

from ..catalogue import BY_CODE
from ..diagnostics import Severity
from ..textsafe import escape
from . import Report, Style, visibility


def _data(text: str) -> str:
    """A workflow command's message: control characters (newlines included) shown as escapes, so
    source text can never end the command or start another (``::stop-commands::``)."""
    return escape(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, style: Style) -> str:
    lines: List[str] = []
    for d in report.diagnostics:
        command = "error" if d.severity is Severity.ERROR else "warning"
        message = f"{d.message} \u2014 {d.hint}" if style.show_hints and d.hint else d.message
        end = f",endLine={d.end_line}" if d.end_line else ""
        end += f",endColumn={d.end_col}" if d.end_line and d.end_col else ""
        rule = BY_CODE.get(d.code)
        title = f"{d.code} {rule.summary}" if rule else d.code
        lines.append(f"::{command} file={_property(d.path)},line={d.line},col={d.col}{end},"
                     f"title={_property(title)}::{_data(message)}")
    for problem in report.problems:
        where = f" file={_property(problem.path)}" if problem.path else ""
        line, _ = problem.position
        where += f",line={line}" if where and line else ""
        lines.append(f"::error{where}::{_data(problem.message)}")
    left_out = visibility(report)
    if left_out:  # what the run skipped, excluded or suppressed is said where the reviewer looks
        lines.append(f"::notice title=egress-lint::{_data('; '.join(left_out))}")
    if style.statistics:
        lines.extend(f"{count:<5} {code}" for code, count in report.statistics().items())
    return "\n".join(lines) + "\n" if lines else ""
