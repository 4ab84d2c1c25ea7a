"""GitLab Code Quality: a JSON array of issues, shown in merge requests (``artifacts: reports:
codequality``). Paths are relative to the repository's top level, as GitLab expects."""
from __future__ import annotations

import hashlib
import json
from typing import Any, Dict, List

from ..catalogue import BY_CODE
from ..diagnostics import Severity
from . import Report, Style, relative_to_root, repository_root

_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "major"}


def render(report: Report, style: Style) -> str:
    root = style.root or repository_root()
    issues: List[Dict[str, Any]] = []
    for d, occurrence in report.numbered():
        path = relative_to_root(d.path, root) or d.path
        rule = BY_CODE.get(d.code)
        description = f"{d.code} {d.message}" + (f" \u2014 {d.hint}" if style.show_hints and d.hint else "")
        identity = f"{path}\0{d.fingerprint}\0{occurrence}"
        issues.append({
            "type": "issue",
            "check_name": d.code,
            "description": description,
            "content": {"body": f"{rule.summary}. `egress-lint explain {d.code}` has the full remediation."}
            if rule else {"body": d.hint},
            "categories": ["Security"],
            "severity": _SEVERITY.get(d.severity, "major"),
            # stable across line shifts and formatting, unique per finding (occurrence numbers twins)
            "fingerprint": hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:32],
            "location": {"path": path, "lines": {"begin": d.line, "end": max(d.end_line, d.line)}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
