"""`egress-lint rules`: the catalogue, one line a rule, or as JSON for tools."""
from __future__ import annotations

import argparse
import json
import sys

from .common import EXIT_CLEAN


def register(commands) -> None:
    parser = commands.add_parser("rules", help="list every rule")
    parser.add_argument("--format", "--output-format", dest="format", choices=("text", "json"), default="text",
                        help="text: one line a rule (the default); json: every rule's metadata")
    parser.set_defaults(func=run)


def describe(rule) -> dict:
    """One rule's metadata, as `rules --format json` prints it."""
    return {
        "code": rule.code,
        "slug": rule.slug,
        "family": rule.family,
        "severity": rule.severity.value,
        "summary": rule.summary,
        "hint": rule.hint,
        "fix": fix_class(rule),
        "fix_safety": " ".join(rule.fix_safety.split()),
        "cwe": [f"CWE-{number}" for number in rule.cwe],
        "asvs": list(rule.asvs),
    }


def fix_class(rule):
    """"safe" or "unsafe" as the engine classes the fix of the rule's own fixable example; None
    when the rule has no automatic fix."""
    from ..config import Settings
    from ..engine import check_source

    for example in rule.INVALID:
        if example.fixed is None:
            continue
        result = check_source(example.source.encode("utf-8"), "example.py", Settings(), use_precheck=False)
        for d in result.diagnostics:
            if d.code == rule.code and d.fix is not None:
                return "safe" if d.fix.safe else "unsafe"
    return None


def run(args: argparse.Namespace) -> int:
    from ..catalogue import RULES

    if args.format == "json":
        sys.stdout.write(json.dumps({"version": 1, "rules": [describe(rule) for rule in RULES]}, indent=2) + "\n")
        return EXIT_CLEAN
    for rule in RULES:
        print(f"{rule.code}  {rule.slug:<32} {rule.family:<10} {rule.severity.value:<8} {rule.summary}")
    return EXIT_CLEAN
