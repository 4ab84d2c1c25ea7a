"""`egress-lint explain CODE`: the rule's documentation."""
from __future__ import annotations

import argparse
import sys

from .common import EXIT_CLEAN, EXIT_ERROR


def register(commands) -> None:
    parser = commands.add_parser("explain", help="print a rule's documentation")
    parser.add_argument("code", metavar="CODE")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..catalogue import BY_CODE
    from ..docs import render_rule

    rule = BY_CODE.get(args.code.upper())
    if rule is None:
        print(f"egress-lint: unknown code {args.code!r}; `egress-lint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(render_rule(rule))
    return EXIT_CLEAN
