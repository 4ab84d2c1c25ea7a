"""What a rule reports: plain frozen values shared by every front end."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Optional, Tuple


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Fix:
    """A fix the libcst fixer knows how to apply at the finding's position.

    ``kind`` names the edit (for example ``remove-keyword``); ``detail`` carries its parameters.
    """

    kind: str
    safe: bool
    detail: Tuple[Tuple[str, str], ...] = ()

    def get(self, key: str, default: Optional[str] = None) -> Optional[str]:
        return dict(self.detail).get(key, default)


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int  # 1-based
    col: int  # 1-based, in characters
    code: str
    message: str
    hint: str
    severity: Severity = Severity.ERROR
    end_line: int = 0
    end_col: int = 0
    fix: Optional[Fix] = field(default=None, compare=False)
    fingerprint: str = field(default="", compare=False)  # see fingerprints.py
    cell: int = 0  # in a Jupyter notebook: the cell (1-based), and ``line`` is the line inside it

    @property
    def sort_key(self):
        return (self.path, self.cell, self.line, self.col, self.code, self.message)

    @property
    def marker(self) -> str:
        """``[*]``: `egress-lint fix` fixes it; ``[~]``: only with ``--unsafe-fixes``; else no marker."""
        if self.fix is None:
            return ""
        return "[*]" if self.fix.safe else "[~]"

    def text(self, with_hint: bool = True, with_marker: bool = False) -> str:
        marker = f"{self.marker} " if with_marker and self.marker else ""
        body = f"{self.code} {marker}{self.message}"
        if with_hint and self.hint:
            body += f" \u2014 {self.hint}"
        return f"{self.location}: {body}"

    @property
    def location(self) -> str:
        """``path:line:col``, or ``path:cell N:line:col`` in a notebook (as ruff writes it)."""
        cell = f"cell {self.cell}:" if self.cell else ""
        return f"{self.path}:{cell}{self.line}:{self.col}"
