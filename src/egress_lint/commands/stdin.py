"""`egress-lint fix -`: fix the text on stdin and write the result to stdout, for editors and pipes.

The findings that remain (and any problem) go to stderr, so stdout is only the fixed file. Exit
codes follow `fix`: 0 nothing remains, 1 findings remain, 2 the text could not be read or fixed.
"""
from __future__ import annotations

import argparse
import sys

from .common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS


def fix_stdin(args: argparse.Namespace, resolver) -> int:
    from ..engine import check_source
    from ..fixes import FixError, applicable, fix_source
    from ..output import Report, Style, text
    from ..runner import reported

    name = args.stdin_filename or "stdin"
    settings = resolver.settings_for(name)
    data = sys.stdin.buffer.read()
    result = check_source(data, name, settings)
    errors = ([result.error] if result.error else []) + list(result.internal_errors)
    fixed = data
    remaining = reported(result, settings)
    if not result.error and any(applicable(d, args.unsafe_fixes) for d in remaining):
        try:
            outcome = fix_source(data, remaining, unsafe=args.unsafe_fixes, path=name)
        except FixError as exc:
            errors.append(f"{name}: {exc}")
        else:
            fixed = outcome.source
            if fixed != data:
                after = check_source(fixed, name, settings)
                errors.extend(after.internal_errors)
                remaining = reported(after, settings)
    sys.stdout.buffer.write(fixed)
    sys.stdout.flush()
    report = Report(sorted(remaining, key=lambda d: d.sort_key), 1)
    if remaining:
        sys.stderr.write(text.render(report, Style(show_hints=getattr(args, "show_hints", True), quiet=True)))
    for error in errors:
        print(f"egress-lint: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if remaining else EXIT_CLEAN
