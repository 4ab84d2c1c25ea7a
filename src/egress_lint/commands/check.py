"""`egress-lint check`: report findings."""
from __future__ import annotations

import argparse
import sys
from typing import List

from ..diagnostics import Diagnostic
from .common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, add_selection_arguments, settings_from


def register(commands) -> None:
    parser = commands.add_parser("check", help="report findings (exit 0 clean, 1 findings, 2 errors)")
    add_selection_arguments(parser)
    parser.add_argument("--no-hints", dest="show_hints", action="store_false", help="leave the hint off each line")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..files import discover, matches
    from ..output import text
    from ..runner import run_files

    settings = settings_from(args)
    files, errors = discover(args.paths or ["."], settings["exclude"])
    diagnostics: List[Diagnostic] = []
    for result in run_files(files, settings):
        if result.error:
            errors.append(result.error)
        errors.extend(result.internal_errors)
        ignored = [code for pattern, codes in settings["per-file-ignores"] if matches(result.path, [pattern])
                   for code in codes]
        diagnostics.extend(d for d in result.diagnostics if not any(d.code.startswith(c) for c in ignored))
    diagnostics.sort(key=lambda d: d.sort_key)
    sys.stdout.write(text.render(diagnostics, len(files), len(errors), show_hints=args.show_hints))
    for error in errors:
        print(f"egress-lint: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if diagnostics else EXIT_CLEAN
