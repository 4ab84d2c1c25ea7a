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

    @property
    def sort_key(self):
        return (self.path, self.line, self.col, self.code, self.message)

    def text(self, with_hint: bool = True) -> str:
        body = f"{self.code} {self.message}"
        if with_hint and self.hint:
            body += f" \u2014 {self.hint}"
        return f"{self.path}:{self.line}:{self.col}: {body}"
