"""The connection inventory as a table, JSON, CSV or a Markdown audit appendix."""
from __future__ import annotations

import csv
import io
import json
from typing import Dict, List, Sequence

from .. import __version__
from ..inventory import COLUMNS
from ..textsafe import csv_cell, escape, safe_path

FORMATS = ("table", "json", "csv", "markdown")
_TABLE_COLUMNS = ("location", "library", "api", "method", "scheme", "host", "url_path", "tls", "auth", "sensitive",
                  "codes")


def _cell(row: Dict[str, object], column: str) -> str:
    """A table or Markdown cell: source strings and file names escaped (see textsafe)."""
    return escape(_raw_cell(row, column))


def _raw_cell(row: Dict[str, object], column: str) -> str:
    if column == "location":
        return f"{safe_path(str(row['path']))}:{row['line']}:{row['column']}"
    if column == "codes":
        return ",".join(row["codes"]) or "-"
    if column == "sensitive" and row.get("why_sensitive"):
        return f"{row['sensitive']} ({row['why_sensitive']})"
    return str(row[column]) if row[column] != "" else "-"


def render(rows: Sequence[Dict[str, object]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps({"version": 1, "tool": {"name": "egress-lint", "version": __version__},
                           "connections": list(rows)}, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([csv_cell(";".join(row[c]) if c == "codes" else safe_path(row[c]) if c == "path" else row[c])
                             for c in COLUMNS])
        return buffer.getvalue()
    if fmt == "markdown":
        return _markdown(rows)
    return _table(rows)


def _table(rows: Sequence[Dict[str, object]]) -> str:
    cells = [[c.replace("_", " ").upper() for c in _TABLE_COLUMNS]]
    cells += [[_cell(row, c) for c in _TABLE_COLUMNS] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(_TABLE_COLUMNS))]
    lines = ["  ".join(text.ljust(width) for text, width in zip(line, widths)).rstrip() for line in cells]
    lines.append(_summary(rows))
    return "\n".join(lines) + "\n"


def _markdown(rows: Sequence[Dict[str, object]]) -> str:
    lines: List[str] = [
        "# Outbound connections",
        "",
        "Every outbound call site and connection object found by egress-lint, with its transport security,",
        "authentication and sensitivity (OWASP ASVS 4.0 V9.2.3).",
        "",
        "| " + " | ".join(c.replace("_", " ") for c in _TABLE_COLUMNS) + " |",
        "|" + "---|" * len(_TABLE_COLUMNS),
    ]
    for row in rows:
        lines.append("| " + " | ".join(_cell(row, c).replace("|", "\\|") for c in _TABLE_COLUMNS) + " |")
    lines += ["", _summary(rows)]
    return "\n".join(lines) + "\n"


def _summary(rows: Sequence[Dict[str, object]]) -> str:
    unverified = sum(1 for r in rows if r["tls"] in ("disabled", "n.a. (cleartext)"))
    unauthenticated = sum(1 for r in rows if r["sensitive"] == "yes" and r["auth"] == "none")
    return (f"{len(rows)} connection{'s' if len(rows) != 1 else ''}: {unverified} without verified TLS, "
            f"{unauthenticated} sensitive without authentication.")
