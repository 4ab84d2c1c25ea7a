"""`egress-lint inventory`: every outbound call site with its TLS, auth and sensitivity status."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..textsafe import escape
from .common import EXIT_CLEAN, EXIT_ERROR, OutputError, positive, write_report


def register(commands) -> None:
    from ..output.inventory import FORMATS

    parser = commands.add_parser("inventory", help="list every outbound connection (an ASVS V9.2.3 audit)")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    parser.add_argument("--config", type=Path, help="pyproject.toml to read [tool.egress-lint] from")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip matching paths")
    parser.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default="table",
                        help="output format (default: table)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write the inventory to FILE (its folder is created)")
    parser.add_argument("--no-default-excludes", dest="default_excludes", action="store_false",
                        help="also list version-control folders, tool caches, virtualenvs and node_modules")
    parser.add_argument("--jobs", "-j", type=positive, default=None, metavar="N",
                        help="worker processes (default: all cores)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..output.inventory import render
    from ..runner import reported, run_files
    from .common import discover_files, group_by_settings, resolver_from

    resolver = resolver_from(args)
    resolver.default()
    files, errors, found = discover_files(args, resolver)
    rows = []
    problems = []
    results = [(settings, result) for settings, group in group_by_settings(files, resolver)
               for result in run_files(group, settings, jobs=args.jobs, inventory=True)]
    order = {path: i for i, path in enumerate(files)}
    results.sort(key=lambda pair: order.get(pair[1].path, len(order)))
    for settings, result in results:
        kept = {(d.line, d.col, d.code) for d in reported(result, settings)}
        for row in result.connections:  # per-file-ignores hide a code here exactly as in check
            row["codes"] = [code for code in row["codes"] if (row["line"], row["column"], code) in kept]
            rows.append(row)
        if result.error:
            problems.append(result.error)
        problems.extend(result.internal_errors)
    from .check import _lost_worker_messages

    errors = errors + _lost_worker_messages()  # a connection list with holes must not pass
    text = render(rows, args.format)
    if args.output:
        try:
            write_report(args.output, text)
        except OutputError as exc:
            errors = errors + [str(exc)]
    else:
        sys.stdout.write(text)
    for problem in errors + problems:
        print(f"egress-lint: {escape(problem)}", file=sys.stderr)
    for path, why in found.skipped:  # the table's summary is about connections: say it here
        print(f"egress-lint: {escape(path)}: folder skipped ({why}); --no-default-excludes lists it", file=sys.stderr)
    if found.excluded:
        print(f"egress-lint: {len(found.excluded)} path(s) excluded by the exclude settings", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN
