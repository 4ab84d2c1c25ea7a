"""flake8-shaped text lines and a one-line summary."""
from __future__ import annotations

from typing import List, Sequence

from ..diagnostics import Diagnostic


def render(diagnostics: Sequence[Diagnostic], files_checked: int, errors: int, show_hints: bool = True) -> str:
    lines: List[str] = [d.text(with_hint=show_hints) for d in diagnostics]
    count = len(diagnostics)
    files_with = len({d.path for d in diagnostics})
    if count:
        summary = f"Found {count} finding{'s' if count != 1 else ''} in {files_with} file{'s' if files_with != 1 else ''}"
    else:
        summary = "No findings"
    summary += f" ({files_checked} file{'s' if files_checked != 1 else ''} checked"
    summary += f", {errors} could not be checked)." if errors else ")."
    lines.append(summary)
    return "\n".join(lines) + "\n"
