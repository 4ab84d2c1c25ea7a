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

    from ..catalogue import INTERNAL_ERROR_CODE, INTERNAL_ERROR_HINT, INTERNAL_ERROR_SUMMARY

    if args.code.upper() == INTERNAL_ERROR_CODE:  # not a rule: what the flake8 plugin reports when it could not look
        sys.stdout.write(f"# {INTERNAL_ERROR_CODE}: {INTERNAL_ERROR_SUMMARY}\n\n"
                         "Reported through flake8 where egress-lint could not check all of a file: an internal "
                         "error in one expression (the rest of the file is checked), a coding cookie that can "
                         "hide code, or a file larger than max-file-size. `egress-lint check` reports the same "
                         f"on stderr and exits 2. It cannot be selected on its own.\n\n{INTERNAL_ERROR_HINT}.\n")
        return EXIT_CLEAN
    rule = BY_CODE.get(args.code.upper())
    if rule is None:
        print(f"egress-lint: unknown code {args.code!r}; `egress-lint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(render_rule(rule))
    return EXIT_CLEAN
