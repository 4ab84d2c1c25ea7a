"""`egress-lint check`: report findings."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import List

from ..config import Settings
from ..diagnostics import Diagnostic
from ..output import FORMATS
from ..textsafe import escape
from .common import (EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, OutputError, add_selection_arguments, discover_files,
                     group_by_settings, positive, resolver_from, write_report)


def register(commands) -> None:
    parser = commands.add_parser("check", help="report findings (exit 0 clean, 1 findings, 2 errors)")
    add_selection_arguments(parser)
    parser.add_argument("--format", "--output-format", dest="format", choices=FORMATS, default="text",
                        help="output format (default: text)")
    parser.add_argument("--output", "-o", type=Path, metavar="FILE",
                        help="write the report to FILE instead of stdout (its folder is created)")
    parser.add_argument("--exit-zero", action="store_true",
                        help="exit 0 even when there are findings (errors still exit 2)")
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="print the findings and nothing else: no summary, no fixable count, no notes")
    parser.add_argument("--sarif-root", metavar="DIR",
                        help="SARIF and GitLab paths are relative to DIR (default: the git top level of the "
                             "working directory, or the working directory)")
    parser.add_argument("--show-source", action="store_true",
                        help="show the source line of each text finding, with a caret under its column")
    parser.add_argument("--show-hints", dest="show_hints", action="store_true", default=True,
                        help="end each text or github line with its remediation hint (the default)")
    parser.add_argument("--no-hints", dest="show_hints", action="store_false", help="leave the hint off each line")
    parser.add_argument("--statistics", action="store_true", help="count the findings per code")
    parser.add_argument("--baseline", type=Path, metavar="FILE", help="report only findings not in this baseline")
    parser.add_argument("--write-baseline", type=Path, metavar="FILE",
                        help="record the current findings in FILE and exit 0")
    parser.add_argument("--strict", dest="strict", action="store_true", default=True,
                        help="exit 2 when the analysis failed internally on any part of a file (the default: "
                             "a gate that could not look must not pass)")
    parser.add_argument("--no-strict", dest="strict", action="store_false",
                        help="let the findings decide the exit even when the analysis failed internally "
                             "(internal errors are still reported)")
    parser.add_argument("--no-default-excludes", dest="default_excludes", action="store_false",
                        help="also check version-control folders, tool caches, virtualenvs and node_modules "
                             "(skipped by default, and always listed in the summary)")
    parser.add_argument("--jobs", "-j", type=positive, default=None, metavar="N",
                        help="worker processes (default: one per available core)")
    parser.add_argument("--no-cache", dest="use_cache", action="store_false",
                        help="neither read nor write the result cache")
    parser.add_argument("--cache-dir", type=Path, default=None, metavar="DIR",
                        help="where results are cached (default: a folder for this project under "
                             "$XDG_CACHE_HOME/egress-lint or ~/.cache/egress-lint, outside the checked tree)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .. import baseline
    from ..cache import Cache
    from ..output import Problem, Report, Style, render
    from ..runner import reported, run_files

    from ..catalogue import RULES
    from ..config import ConfigError
    from ..engine import enabled_rules

    resolver = resolver_from(args)
    settings = resolver.default()  # a broken configuration where the run starts stops it, even with no file
    rules = [rule.code for rule in enabled_rules(settings)]
    problems = []
    try:
        known = baseline.load(args.baseline) if args.baseline else None
    except ConfigError as exc:  # every finding is reported instead, and the run fails
        known = None
        problems.append(Problem(f"{exc}; every finding is reported"))
    if args.paths == ["-"]:
        from ..files import Discovery

        files, missing, found = [], [], Discovery()
    else:
        files, missing, found = discover_files(args, resolver)
    problems += [Problem(message) for message in missing]
    diagnostics: List[Diagnostic] = []
    noqa: List[Diagnostic] = []
    suppressed = {"noqa": 0, "per-file-ignores": 0}
    caches = []
    sources = {}
    if args.paths == ["-"]:
        batches = [_stdin_batch(args, resolver, caches, sources)]
        files = [batches[0][1][0].path]
        rules = [rule.code for rule in enabled_rules(batches[0][0])]
    else:
        batches = []
        for settings, group in group_by_settings(files, resolver):
            cache = Cache(args.cache_dir or _default_cache_dir(settings), settings) if args.use_cache else None
            caches.append(cache)
            batches.append((settings, run_files(group, settings, jobs=args.jobs, cache=cache)))
    for settings, results in batches:
        for result in results:
            if result.error:
                problems.append(Problem(result.error, result.path))
            problems.extend(Problem(message, result.path, internal=True) for message in result.internal_errors)
            kept = reported(result, settings)
            suppressed["noqa"] += result.suppressed
            suppressed["per-file-ignores"] += len(result.diagnostics) - len(kept)
            diagnostics.extend(kept)
            noqa.extend(result.noqa)
    problems.extend(Problem(message) for message in _lost_worker_messages())
    diagnostics.sort(key=lambda d: d.sort_key)
    noqa.sort(key=lambda d: d.sort_key)

    if args.write_baseline:
        try:
            baseline.write(args.write_baseline, diagnostics)
        except OutputError as exc:
            _print_problems(problems + [Problem(str(exc))])
            return EXIT_ERROR
        print(f"egress-lint: wrote {len(diagnostics)} finding(s) to the baseline {args.write_baseline}", file=sys.stderr)
        _print_problems(problems)
        return EXIT_ERROR if problems else EXIT_CLEAN

    in_baseline: List[Diagnostic] = []
    if known is not None:
        diagnostics, in_baseline = baseline.split(diagnostics, known, args.baseline)
    report = Report(diagnostics, len(files), problems, len(in_baseline), skipped=found.skipped,
                    excluded=found.excluded, suppressed=suppressed, rules_enabled=tuple(rules),
                    rules_total=len(RULES), noqa=noqa, in_baseline=in_baseline)
    if args.show_source:
        sources.update(_sources(diagnostics, sources))
    style = Style(show_hints=args.show_hints, statistics=args.statistics,
                  colour=args.format == "text" and args.output is None and _colour_terminal(),
                  quiet=args.quiet, show_source=args.show_source, sources=sources, root=args.sarif_root or "")
    text = render(args.format, report, style)
    if args.output:
        try:
            write_report(args.output, text)
        except OutputError as exc:
            problems.append(Problem(str(exc)))
    else:
        sys.stdout.write(text)
    _print_problems(problems)
    damaged = [cache for cache in caches if cache is not None and cache.unreadable]
    for cache in caches:
        if not args.quiet or cache in damaged:
            _print_cache_notes(cache)
    if damaged or any(args.strict or not problem.internal for problem in problems):
        return EXIT_ERROR  # a cache file that cannot be read: every file was checked, but the run fails
    return EXIT_FINDINGS if diagnostics and not args.exit_zero else EXIT_CLEAN


def _stdin_batch(args, resolver, caches, sources):
    """``check -``: the text on stdin, checked as the file ``--stdin-filename`` names (its nearest
    configuration, per-file-ignores and cache entry), or as ``stdin`` in the working directory."""
    from ..cache import Cache, content_hash
    from ..engine import check_source, decode_source, source_lines

    name = args.stdin_filename or "stdin"
    settings = resolver.settings_for(name)
    data = sys.stdin.buffer.read()
    cache = Cache(args.cache_dir or _default_cache_dir(settings), settings) if args.use_cache else None
    caches.append(cache)
    digest = content_hash(data)
    result = cache.get(name, digest) if cache is not None else None
    if result is None:
        result = check_source(data, name, settings)
        if cache is not None and not result.internal_errors:
            cache.put(name, digest, result)
            cache.save()
    try:
        sources[name] = source_lines(decode_source(data))
    except Exception:  # noqa: BLE001 - undecodable: already reported as an error of the file
        pass
    return settings, [result]


def _sources(diagnostics, known):
    """The source lines of each file with a finding, for --show-source (read again; the text of
    stdin was kept when it was read)."""
    from ..engine import decode_source, read_file, source_lines

    found = {}
    for path in {d.path for d in diagnostics} - set(known):
        try:
            found[path] = source_lines(decode_source(read_file(path)))
        except Exception:  # noqa: BLE001 - a file that changed or vanished shows no source
            found[path] = []
    return found


def _lost_worker_messages():
    from ..runner import lost_workers

    return [f"a worker process died ({why}); the file it was checking is reported as not checked, its other "
            "files were checked again" for why in lost_workers()]


def _print_cache_notes(cache) -> None:
    for note in cache.notes() if cache is not None else ():
        print(f"egress-lint: {escape(note)}", file=sys.stderr)


def _colour_terminal() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _print_problems(problems) -> None:
    for problem in problems:
        print(f"egress-lint: {escape(problem.message)}", file=sys.stderr)


def _default_cache_dir(settings: Settings) -> Path:
    """The user cache folder of the project (the folder of the configuration that applies, so a run
    from a subfolder shares it, or the working directory): never inside the checked tree."""
    from ..cache import default_folder

    return default_folder(Path(settings.source).parent if settings.source else Path.cwd())
