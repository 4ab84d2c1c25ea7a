"""`egress-lint rules`: the catalogue, one line a rule."""
from __future__ import annotations

import argparse

from .common import EXIT_CLEAN


def register(commands) -> None:
    parser = commands.add_parser("rules", help="list every rule")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..catalogue import RULES

    for rule in RULES:
        print(f"{rule.code}  {rule.slug:<32} {rule.family:<10} {rule.severity.value:<8} {rule.summary}")
    return EXIT_CLEAN
