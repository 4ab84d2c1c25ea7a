"""SARIF 2.1.0 for code-scanning services, with every rule's metadata taken from the catalogue."""
from __future__ import annotations

import json
import os
from urllib.parse import quote
from pathlib import Path
from typing import Any, Dict, List

from .. import __version__
from ..catalogue import RULES
from ..diagnostics import Severity
from ..fingerprints import VERSION as FINGERPRINT_VERSION
from . import Problem, Report, Style, relative_to_root, repository_root

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning"}
_SRCROOT = "%SRCROOT%"


def _rule(rule) -> Dict[str, Any]:
    from ..docs import render_rule

    help_text = render_rule(rule)
    uri = help_uri(rule.code)
    return {
        **({"helpUri": uri} if uri else {}),
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what.strip()},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {
            "tags": ["security", rule.family, *(f"external/cwe/cwe-{n}" for n in rule.cwe)],
            "security-severity": f"{rule.security_severity:.1f}",
            "precision": rule.precision,
            "problem.severity": rule.severity.value,
        },
    }


_ROOT = ""  # the folder %SRCROOT% stands for, set by render()


def _artifact(path: str) -> Dict[str, str]:
    """A URI reference relative to %SRCROOT% (the repository's top level), so a run from a subfolder
    maps onto the repository; every byte outside RFC 3986's unreserved set and ``/`` percent-encoded
    (a space, ``%``, ``#``, ``?``, ``:`` or an undecodable byte of a file name included). A file
    outside the root gets an absolute file URI."""
    relative = relative_to_root(path, _ROOT)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": _SRCROOT}


def help_uri(code: str) -> str:
    """The rule's page under the project's documentation URL (package metadata ``Project-URL:
    Documentation``), or "" while the installed package declares none."""
    base = _documentation_url()
    return f"{base.rstrip('/')}/rules/{code}.md" if base else ""


def _documentation_url() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, metadata
    except ImportError:  # pragma: no cover
        return ""
    try:
        urls = metadata("egress-lint").get_all("Project-URL") or []
    except PackageNotFoundError:
        return ""
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("documentation", "docs") and url.strip().startswith("https://"):
            return url.strip()
    return ""


def _notification(problem: Problem) -> Dict[str, Any]:
    notification: Dict[str, Any] = {"level": "error", "message": {"text": problem.message}}
    if problem.path:
        location: Dict[str, Any] = {"artifactLocation": _artifact(problem.path)}
        line, col = problem.position
        if line:
            location["region"] = {"startLine": line, **({"startColumn": col} if col else {})}
        notification["locations"] = [{"physicalLocation": location}]
    return notification


def _skipped_notification(path: str, why: str) -> Dict[str, Any]:
    return {"level": "note", "message": {"text": f"{path}: folder skipped ({why}); --no-default-excludes checks it"},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(path)}}]}


_SUPPRESSION = {"noqa": {"kind": "inSource", "justification": "a # noqa comment"},
                "baseline": {"kind": "external", "justification": "listed in the baseline"}}


def render(report: Report, style: Style) -> str:
    global _ROOT
    _ROOT = style.root or repository_root()
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results: List[Dict[str, Any]] = []
    for d, occurrence, hidden in report.all_numbered():
        region = {"startLine": d.line, "startColumn": d.col}
        if d.end_line:
            region.update(endLine=d.end_line, endColumn=max(d.end_col, 1))
        result: Dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVEL[d.severity],
            "message": {"text": f"{d.message} \u2014 {d.hint}" if d.hint else d.message},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(d.path), "region": region}}],
            "partialFingerprints": {f"egressLint/{FINGERPRINT_VERSION}": f"{d.fingerprint}:{occurrence}"},
            "properties": {**({"cell": d.cell} if d.cell else {}), "hint": d.hint, "fix": None if d.fix is None else ("safe" if d.fix.safe else "unsafe")},
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        if hidden:  # code scanning keeps it as suppressed instead of closing it as fixed
            result["suppressions"] = [_SUPPRESSION[hidden]]
        results.append(result)
    run = {
        "tool": {"driver": {
            "name": "egress-lint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_rule(rule) for rule in RULES],
        }},
        "invocations": [{
            "executionSuccessful": not report.problems,
            "toolExecutionNotifications": [_notification(p) for p in report.problems]
            + [_skipped_notification(path, why) for path, why in report.skipped],
            "properties": {
                "skipped": [{"path": path, "reason": why} for path, why in report.skipped],
                "excluded": list(report.excluded),
                "suppressed": {"noqa": report.suppressed.get("noqa", 0),
                               "per-file-ignores": report.suppressed.get("per-file-ignores", 0),
                               "baseline": report.baselined},
                "rulesEnabled": list(report.rules_enabled),
            },
        }],
        "originalUriBaseIds": {_SRCROOT: {"uri": Path(os.path.abspath(_ROOT)).as_uri() + "/",
                                          "description": {"text": "The repository's top level"}}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
