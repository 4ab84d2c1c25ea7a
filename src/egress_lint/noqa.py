"""``# noqa`` comments, read exactly as flake8 reads them, shared by the CLI and the flake8 plugin.

flake8 (7.x) searches the reported line for ``# noqa`` followed by an optional ``:CODES`` list
(``# noqa`` with one space, any case; codes compared case-sensitively, a code matching when it
equals or starts with a listed one), and skips a whole file when a line *starts* with
``# flake8: noqa``. A line that belongs to a multi-line string or a backslash continuation is read
together with the other lines of that token, as flake8 does.

One addition, made in both routes so they agree: a finding is suppressed by a ``# noqa`` on *any*
line of the reported call or statement (its span), not only on its first line, because a formatter
puts ``verify=False,  # noqa: EGR101`` on a line of its own. ``# egress-lint: noqa`` at the start of
a line skips the file for egress-lint only.
"""
from __future__ import annotations

import io
import re
import tokenize
from typing import Dict, Iterable, List, Optional, Sequence

# The same patterns as flake8.defaults.NOQA_INLINE_REGEXP and NOQA_FILE (flake8 7).
NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
EGRESS_NOQA_FILE = re.compile(r"\s*# egress-lint[:=]\s*noqa", re.IGNORECASE)
_SPLIT = re.compile(r"[,\s]")


def file_suppressed(lines: Iterable[str]) -> bool:
    """A line starting with ``# flake8: noqa`` or ``# egress-lint: noqa`` (flake8 matches any line,
    also one inside a string, and ignores codes written after it)."""
    return any(NOQA_FILE.match(line) or EGRESS_NOQA_FILE.match(line) for line in lines)


def line_suppresses(text: str, code: str) -> bool:
    """Does this (noqa-mapped) line suppress ``code``, by flake8's rules?"""
    match = NOQA_INLINE.search(text)
    if match is None:
        return False
    codes_text = match.group("codes")
    if codes_text is None:
        return True
    codes = {part.strip() for part in _SPLIT.split(codes_text) if part.strip()}
    return code in codes or code.startswith(tuple(codes))


class NoqaLines:
    """The text flake8 searches for ``noqa`` for each line of one file, built only when needed."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = lines
        self._mapping: Optional[Dict[int, str]] = None
        # Most files have no noqa at all: then nothing is tokenised.
        self.any = any("noqa" in line.lower() for line in lines)

    def text(self, line: int) -> str:
        if self._mapping is None:
            self._mapping = _noqa_line_mapping(self.lines)
        if line in self._mapping:
            return self._mapping[line]
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def suppresses(self, code: str, line: int, end_line: int = 0) -> bool:
        """A matching ``# noqa`` on any line from ``line`` to ``end_line`` (the reported node)."""
        if not self.any:
            return False
        return any(line_suppresses(self.text(n), code) for n in range(line, max(line, end_line) + 1))


def _noqa_line_mapping(lines: Sequence[str]) -> Dict[int, str]:
    """flake8's FileProcessor._noqa_line_mapping: the lines from one NL/NEWLINE token to the next
    (a multi-line string, a backslash continuation) are searched as one text."""
    mapping: Dict[int, str] = {}
    try:
        tokens: List[tokenize.TokenInfo] = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return mapping
    first, last = len(lines) + 2, -1
    for token in tokens:
        if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first = min(first, token.start[0])
        last = max(last, token.end[0])
        if token.type in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1:last])
            for number in range(first, last + 1):
                mapping[number] = joined
            first, last = len(lines) + 2, -1
    return mapping
