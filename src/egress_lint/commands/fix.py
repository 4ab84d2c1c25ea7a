"""`egress-lint fix`: rewrite insecure code in place (safe fixes; unsafe ones with --unsafe-fixes),
or show the rewrite as a unified diff.

Exit codes match `check`, for the files as they are when the command ends: 0 no finding remains,
1 findings remain (with --diff nothing is written, so every finding remains), 2 a file could not be
read, parsed or fixed.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from typing import List

from ..diagnostics import Diagnostic
from .common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, add_selection_arguments, settings_from


def register(commands) -> None:
    parser = commands.add_parser(
        "fix", help="apply fixes in place (exit 0 nothing remains, 1 findings remain, 2 errors)")
    add_selection_arguments(parser)
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="also apply fixes that can change behaviour (see each rule's Fix safety)")
    parser.add_argument("--diff", action="store_true",
                        help="print a unified diff of the fixes instead of writing them")
    parser.add_argument("--no-hints", dest="show_hints", action="store_false",
                        help="leave the hint off each remaining finding")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..engine import check_source, read_file
    from ..files import discover
    from ..fixes import FixError, applicable, describe, fix_source
    from ..output import Problem, Report, Style, text
    from ..runner import reported

    settings = settings_from(args)
    files, errors = discover(args.paths or ["."], settings["exclude"])
    remaining: List[Diagnostic] = []
    fixed = files_fixed = 0
    for path in files:
        try:
            data = read_file(path)
        except OSError as exc:
            errors.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        result = check_source(data, path, settings)
        if result.error:
            errors.append(result.error)
            continue
        errors.extend(result.internal_errors)
        diagnostics = reported(result, settings)
        if not any(applicable(d, args.unsafe_fixes) for d in diagnostics):
            remaining.extend(diagnostics)
            continue
        try:
            outcome = fix_source(data, diagnostics, unsafe=args.unsafe_fixes)
        except FixError as exc:
            errors.append(f"{path}: {exc}")
            remaining.extend(diagnostics)
            continue
        if outcome.source == data:
            remaining.extend(diagnostics)
            continue
        fixed += len(outcome.applied)
        files_fixed += 1
        if args.diff:
            sys.stdout.write(unified_diff(path, data, outcome.source))
            remaining.extend(diagnostics)
            continue
        with open(path, "wb") as handle:
            handle.write(outcome.source)
        for d in outcome.applied:
            print(f"{d.path}:{d.line}:{d.col}: {d.code} fixed: {describe(d)}")
        after = check_source(outcome.source, path, settings)
        errors.extend(after.internal_errors)
        remaining.extend(reported(after, settings))

    remaining.sort(key=lambda d: d.sort_key)
    summary = f"{'Would fix' if args.diff else 'Fixed'} {fixed} finding{'s' if fixed != 1 else ''} " \
              f"in {files_fixed} file{'s' if files_fixed != 1 else ''}."
    if args.diff:
        # stdout stays a patch that `patch -p0` or `git apply` accepts.
        print(summary, file=sys.stderr)
    else:
        print(summary)
        report = Report(remaining, len(files), [Problem(error) for error in errors])
        sys.stdout.write(text.render(report, Style(show_hints=args.show_hints)))
    for error in errors:
        print(f"egress-lint: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if remaining else EXIT_CLEAN


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    from ..engine import decode_source, source_lines

    lines = difflib.unified_diff(source_lines(decode_source(before)), source_lines(decode_source(after)),
                                 fromfile=path, tofile=path)
    out = []
    for line in lines:
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)
