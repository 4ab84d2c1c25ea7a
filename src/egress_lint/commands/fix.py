"""`egress-lint fix`: rewrite insecure code in place (safe fixes; unsafe ones with --unsafe-fixes),
or show the rewrite as a unified diff.

Exit codes match `check`, for the files as they are when the command ends: 0 no finding remains,
1 findings remain (with --diff nothing is written, so every finding remains), 2 a file could not be
read, parsed or fixed.
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from dataclasses import dataclass, field
from typing import List

from ..config import Settings
from ..diagnostics import Diagnostic
from .common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, add_selection_arguments, discover_files, group_by_settings,
                     positive, resolver_from)


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
    parser.add_argument("--jobs", "-j", type=positive, default=None, metavar="N",
                        help="worker processes for checking (default: one per available core)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..fixes import applicable, describe
    from ..output import Problem, Report, Style, text
    from ..runner import reported, run_files

    resolver = resolver_from(args)
    resolver.default()
    files, errors, _ = discover_files(args, resolver)
    # Every file is checked as `check` does (in parallel, with its nearest configuration); only files
    # with a fix to apply are read again, fixed and written.
    order = {path: i for i, path in enumerate(files)}
    results = sorted(((settings, result) for settings, group in group_by_settings(files, resolver)
                      for result in run_files(group, settings, jobs=args.jobs)),
                     key=lambda pair: order.get(pair[1].path, len(order)))
    targets = {os.path.realpath(path) for path in files if not os.path.islink(path)}
    remaining: List[Diagnostic] = []
    fixed = files_fixed = 0
    for settings, result in results:
        path = result.path
        if os.path.islink(path) and os.path.realpath(path) in targets:
            continue  # the file it names is checked, fixed and reported under its own name
        if result.error:
            errors.append(result.error)
            continue
        errors.extend(result.internal_errors)
        diagnostics = reported(result, settings)
        if not any(applicable(d, args.unsafe_fixes) for d in diagnostics):
            remaining.extend(diagnostics)
            continue
        if os.path.islink(path):
            errors.append(f"{path}: is a symbolic link to a file outside the checked files; left unchanged")
            remaining.extend(diagnostics)
            continue
        done = fix_file(path, settings, args.unsafe_fixes, write=not args.diff)
        errors.extend(done.errors)
        remaining.extend(done.remaining)
        if not done.applied:
            continue
        fixed += len(done.applied)
        files_fixed += 1
        if args.diff:
            sys.stdout.write(done.diff)
        else:
            for d in done.applied:
                print(f"{d.path}:{d.line}:{d.col}: {d.code} fixed: {describe(d)}")

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


@dataclass
class FileFix:
    """What fixing one file did: the findings fixed, those that remain, the problems met, the diff."""

    applied: List[Diagnostic] = field(default_factory=list)
    remaining: List[Diagnostic] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    diff: str = ""


def fix_file(path: str, settings: Settings, unsafe: bool, write: bool = True) -> FileFix:
    """Read ``path`` once, check and fix exactly those bytes, and (with ``write``) put the fixed bytes
    in its place unless the file changed meanwhile. Never raises for a problem of the file."""
    from ..engine import check_source
    from ..fixes import FixError, applicable, fix_source
    from ..fixes.write import WriteError, read_snapshot, replace
    from ..runner import reported

    done = FileFix()
    try:
        snapshot = read_snapshot(path)
    except OSError as exc:
        done.errors.append(f"{path}: cannot read: {exc.strerror or exc}")
        return done
    result = check_source(snapshot.data, path, settings)
    if result.error:
        done.errors.append(result.error)
        return done
    done.errors.extend(result.internal_errors)
    diagnostics = reported(result, settings)
    done.remaining = diagnostics
    if not any(applicable(d, unsafe) for d in diagnostics):
        return done
    try:
        outcome = fix_source(snapshot.data, diagnostics, unsafe=unsafe, path=path)
    except FixError as exc:
        done.errors.append(f"{path}: {exc}")
        return done
    if outcome.source == snapshot.data:
        return done
    if not write:
        done.applied = outcome.applied
        done.diff = unified_diff(path, snapshot.data, outcome.source)
        return done
    try:
        replace(path, outcome.source, snapshot)
    except WriteError as exc:
        done.errors.append(f"{path}: {exc}")
        return done
    done.applied = outcome.applied
    after = check_source(outcome.source, path, settings)
    done.errors.extend(after.internal_errors)
    done.remaining = reported(after, settings)
    return done


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
