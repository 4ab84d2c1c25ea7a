"""The `egress-lint` command: check, explain, rules."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import List, Optional, Sequence

from . import __version__
from .config import ConfigError, Settings, load_settings
from .diagnostics import Diagnostic
from .options import BY_KEY, OptionError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _codes_arg(key: str):
    def parse(text: str):
        try:
            return BY_KEY[key].parse(f"--{key}", text)
        except OptionError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="egress-lint",
        description="Find outbound network calls that are not both encrypted and authenticated (ASVS V9.2.3).")
    parser.add_argument("--version", action="version", version=f"egress-lint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="report findings (exit 0 clean, 1 findings, 2 errors)")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--config", type=Path, help="pyproject.toml to read [tool.egress-lint] from")
    check.add_argument("--select", type=_codes_arg("select"), help="codes or prefixes to report, e.g. EGR1,EGR201")
    check.add_argument("--extend-select", type=_codes_arg("extend-select"), help="codes to report on top of select")
    check.add_argument("--ignore", type=_codes_arg("ignore"), help="codes or prefixes never to report")
    check.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip matching paths")
    check.add_argument("--no-hints", dest="show_hints", action="store_false", help="leave the hint off each line")
    check.set_defaults(func=run_check)

    explain = commands.add_parser("explain", help="print a rule's documentation")
    explain.add_argument("code", metavar="CODE")
    explain.set_defaults(func=run_explain)

    rules = commands.add_parser("rules", help="list every rule")
    rules.set_defaults(func=run_rules)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"egress-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:  # pragma: no cover
        return 130


def _settings(args: argparse.Namespace) -> Settings:
    overrides = []
    for key in ("select", "extend-select", "ignore"):
        value = getattr(args, key.replace("-", "_"))
        if value is not None:
            overrides.append((key, value))
    settings = load_settings(args.config, overrides=overrides)
    if args.exclude:
        settings = settings.replace(exclude=tuple(settings["exclude"]) + tuple(args.exclude))
    return settings


def run_check(args: argparse.Namespace) -> int:
    from .engine import check_path
    from .files import discover, matches
    from .output import text

    settings = _settings(args)
    files, errors = discover(args.paths or ["."], settings["exclude"])
    diagnostics: List[Diagnostic] = []
    for path in files:
        result = check_path(path, settings)
        if result.error:
            errors.append(result.error)
        errors.extend(result.internal_errors)
        ignored = [code for pattern, codes in settings["per-file-ignores"] if matches(path, [pattern]) for code in codes]
        diagnostics.extend(d for d in result.diagnostics if not any(d.code.startswith(c) for c in ignored))
    diagnostics.sort(key=lambda d: d.sort_key)
    sys.stdout.write(text.render(diagnostics, len(files), len(errors), show_hints=args.show_hints))
    for error in errors:
        print(f"egress-lint: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if diagnostics else EXIT_CLEAN


def run_explain(args: argparse.Namespace) -> int:
    from .catalogue import BY_CODE
    from .docs import render_rule

    rule = BY_CODE.get(args.code.upper())
    if rule is None:
        print(f"egress-lint: unknown code {args.code!r}; `egress-lint rules` lists them", file=sys.stderr)
        return EXIT_ERROR
    sys.stdout.write(render_rule(rule))
    return EXIT_CLEAN


def run_rules(args: argparse.Namespace) -> int:
    from .catalogue import RULES

    for rule in RULES:
        print(f"{rule.code}  {rule.slug:<32} {rule.family:<10} {rule.severity.value:<8} {rule.summary}")
    return EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
