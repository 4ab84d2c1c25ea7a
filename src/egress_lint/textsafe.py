"""Making source strings and file names safe to print in a human format.

A string literal or a file name from the checked code reaches every output. Printed raw, a
``"http://x\\n::error file=fake.py::..."`` literal starts a new line that GitHub Actions reads as a
workflow command (also ``::stop-commands::``, which silences every later annotation), an ANSI escape
repaints the terminal, and bidirectional overrides reorder what a reviewer reads. So every human
format shows control characters as escapes, and CSV cells cannot start a spreadsheet formula.
"""
from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates, BOM,
# and lone surrogates (undecodable bytes of a file name, kept by the file system encoding).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: "re.Match[str]") -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escape(text: str) -> str:
    """``text`` with every control character written as an escape: one printable line."""
    return _UNSAFE.sub(_escape_char, text) if _UNSAFE.search(text) else text


def safe_path(path: str) -> str:
    """A file name as a human format prints it at the start of a line: escaped, and never starting
    with ``::`` (a GitHub workflow command) — ``./`` in front names the same file."""
    shown = escape(path)
    return "./" + shown if shown.startswith(":") else shown


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: escaped, and a leading ``=``, ``+``, ``-``, ``@``
    (and the like) prefixed with ``'`` so it is never run as a formula (OWASP's CSV injection advice)."""
    if not isinstance(value, str):
        return value
    text = escape(value)
    return "'" + text if text.startswith(_FORMULA) else text
