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
from typing import TYPE_CHECKING, List, Optional

from ..config import Settings
from ..diagnostics import Diagnostic
from ..engine import FileResult
from .common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, add_selection_arguments, discover_files, group_by_settings,
                     positive, resolver_from)

if TYPE_CHECKING:  # libcst is imported only when a fix is made: ``check`` and the others start without it
    from ..fixes.write import Snapshot


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
                        help="worker processes (default: one per available core)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print the fixes made and one line counting what remains, not each remaining "
                             "finding (the pre-commit fix hook runs before the check hook, which lists them)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from functools import partial

    from ..fixes import applicable, describe
    from ..fixes.write import WriteError, replace
    from ..output import Problem, Report, Style, text
    from ..runner import reported, run_files
    from ..textsafe import escape, safe_path

    resolver = resolver_from(args)
    resolver.default()
    if args.paths == ["-"]:  # the fixed text goes to stdout, the findings left to stderr
        from .stdin import fix_stdin

        return fix_stdin(args, resolver)
    files, errors, _ = discover_files(args, resolver)
    # Each file is read once, checked (with its nearest configuration) and fixed in a worker process,
    # as `check` spreads its files; this process writes the fixed bytes, only over the bytes the
    # worker read.
    task = partial(fix_task, unsafe=args.unsafe_fixes, diff=args.diff)
    order = {path: i for i, path in enumerate(files)}
    results = sorted(((settings, result) for settings, group in group_by_settings(files, resolver)
                      for result in run_files(group, settings, jobs=args.jobs, task=task)),
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
        done = result if isinstance(result, FixedFile) else FixedFile(path)
        if done.link and any(applicable(d, args.unsafe_fixes) for d in diagnostics):
            errors.append(f"{path}: is a symbolic link to a file outside the checked files; left unchanged")
        if done.fix_error:
            errors.append(done.fix_error)
        if done.source is None or done.link:
            remaining.extend(diagnostics)
            continue
        if args.diff:
            sys.stdout.write(done.diff)
            remaining.extend(diagnostics)
        else:
            try:
                replace(path, done.source, done.snapshot)
            except WriteError as exc:
                errors.append(f"{path}: {exc}")
                remaining.extend(diagnostics)
                continue
            for d in done.applied:
                print(f"{safe_path(d.path)}:{d.line}:{d.col}: {d.code} fixed: {escape(describe(d))}")
            errors.extend(done.after_errors)
            remaining.extend(done.after)
        fixed += len(done.applied)
        files_fixed += 1

    from .check import _lost_worker_messages

    errors.extend(_lost_worker_messages())
    remaining.sort(key=lambda d: d.sort_key)
    summary = f"{'Would fix' if args.diff else 'Fixed'} {fixed} finding{'s' if fixed != 1 else ''} " \
              f"in {files_fixed} file{'s' if files_fixed != 1 else ''}."
    if args.diff:
        # stdout stays a patch that `patch -p0` or `git apply` accepts.
        print(summary, file=sys.stderr)
    else:
        print(summary)
        report = Report(remaining, len(files), [Problem(error) for error in errors])
        if not args.quiet:
            sys.stdout.write(text.render(report, Style(show_hints=args.show_hints)))
        elif remaining:
            count = len(remaining)
            print(f"{count} finding{'s' if count != 1 else ''} remain{'s' if count == 1 else ''}: "
                  "`egress-lint check` lists them.")
    for error in errors:
        print(f"egress-lint: {escape(error)}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if remaining else EXIT_CLEAN


@dataclass
class FixedFile(FileResult):
    """A file's check result (``diagnostics`` as `check` finds them) and what fixing it gives: the
    fixed bytes (None when nothing changes), the findings fixed, the findings and internal errors
    of the fixed bytes, the diff, and the file as it was read (to write only over those bytes)."""

    link: bool = False  # a symbolic link: checked through it, never fixed through it
    source: Optional[bytes] = None
    applied: List[Diagnostic] = field(default_factory=list)
    after: List[Diagnostic] = field(default_factory=list)
    after_errors: List[str] = field(default_factory=list)
    fix_error: Optional[str] = None
    diff: str = ""
    snapshot: Optional[Snapshot] = None


def fix_task(path: str, settings: Settings, unsafe: bool = False, diff: bool = False):
    """Read ``path`` once, check those bytes, fix them and check the result; nothing is written.
    Runs in a worker (see ``runner.run_files``); never raises for a problem of the file."""
    from dataclasses import replace as changed

    from ..engine import FileTooLarge, check_source, read_file
    from ..fixes import FixError, applicable, fix_source
    from ..fixes.write import read_snapshot
    from ..runner import reported

    limit = settings["max-file-size"]
    link = os.path.islink(path)
    snapshot = None
    try:
        if link:
            data = read_file(path, limit)  # checked through the link, as `check` does
        else:
            snapshot = read_snapshot(path, limit)
            data = snapshot.data
    except FileTooLarge as exc:
        return None, FixedFile(path, error=f"{path}: {exc}")
    except OSError as exc:
        return None, FixedFile(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    result = check_source(data, path, settings)
    done = FixedFile(**{name: getattr(result, name) for name in FileResult.__dataclass_fields__}, link=link)
    if result.error or link:
        return None, done
    diagnostics = reported(result, settings)
    if not any(applicable(d, unsafe) for d in diagnostics):
        return None, done
    try:
        outcome = fix_source(data, diagnostics, unsafe=unsafe, path=path)
    except FixError as exc:
        done.fix_error = f"{path}: {exc}"
        return None, done
    except Exception as exc:  # noqa: BLE001 - a fixer bug costs this file's fixes, not the run
        done.fix_error = f"{path}: internal error in the fixer ({type(exc).__name__}: {exc}); left unchanged"
        return None, done
    if outcome.source == data:
        return None, done
    done.source, done.applied = outcome.source, outcome.applied
    done.snapshot = changed(snapshot, data=b"")  # what replace() compares; the bytes need not travel
    if diff:
        done.diff = unified_diff(path, data, outcome.source)
    else:
        after = check_source(outcome.source, path, settings)
        done.after, done.after_errors = reported(after, settings), list(after.internal_errors)
    return None, done


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
