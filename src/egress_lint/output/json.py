"""A versioned JSON envelope: one object per finding, with its fingerprint for tracking."""
from __future__ import annotations

import json

from .. import __version__
from ..catalogue import BY_CODE
from . import Report, Style

SCHEMA_VERSION = 1


def render(report: Report, style: Style) -> str:
    results = []
    for d, occurrence in report.numbered():
        rule = BY_CODE.get(d.code)
        results.append({
            "path": d.path,
            "line": d.line,
            "cell": d.cell or None,  # a notebook's cell (1-based); ``line`` is then the line inside it
            "column": d.col,
            "end_line": d.end_line,
            "end_column": d.end_col,  # exclusive, like SARIF's endColumn
            "code": d.code,
            "slug": rule.slug if rule else "",
            "family": rule.family if rule else "",
            "severity": d.severity.value,
            "message": d.message,
            "hint": d.hint,
            "fingerprint": d.fingerprint,
            "occurrence": occurrence,
            # "safe": `egress-lint fix` fixes it; "unsafe": only with --unsafe-fixes; None: no fix
            "fix": None if d.fix is None else ("safe" if d.fix.safe else "unsafe"),
        })
    envelope = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "egress-lint", "version": __version__},
        "files_checked": report.files_checked,
        "results": results,
        "errors": [{"path": p.path, "message": p.message} for p in report.problems],
        "baselined": report.baselined,
        "skipped": [{"path": path, "reason": why} for path, why in report.skipped],
        "excluded": list(report.excluded),
        "suppressed": {"noqa": report.suppressed.get("noqa", 0),
                       "per-file-ignores": report.suppressed.get("per-file-ignores", 0),
                       "baseline": report.baselined},
        "rules_enabled": list(report.rules_enabled),
        "statistics": report.statistics(),
    }
    return json.dumps(envelope, indent=2, ensure_ascii=False) + "\n"
