"""What several subcommands share: exit codes, code-list arguments, settings from the arguments."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..config import Settings, load_settings
from ..options import BY_KEY, OptionError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class OutputError(Exception):
    """A report, inventory or baseline that could not be written: one line, exit 2."""


def write_report(path: Path, text: str) -> None:
    """Write a report file (creating its folder). A character the file cannot hold as UTF-8 (an
    undecodable byte of a file name kept as a lone surrogate) is written as a backslash escape, which
    JSON reads back as the same character; any failure is one OutputError line, never a traceback."""
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None


def codes_arg(key: str):
    def parse(text: str):
        try:
            return BY_KEY[key].parse(f"--{key}", text)
        except OptionError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return parse


def glob_arg(text: str) -> str:
    try:
        return BY_KEY["exclude"].parse("--exclude", [text])[0]
    except OptionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    parser.add_argument("--config", type=Path, help="pyproject.toml to read [tool.egress-lint] from")
    parser.add_argument("--select", type=codes_arg("select"), help="codes or prefixes to report, e.g. EGR1,EGR201")
    parser.add_argument("--extend-select", type=codes_arg("extend-select"), help="codes to report on top of select")
    parser.add_argument("--ignore", type=codes_arg("ignore"), help="codes or prefixes never to report")
    parser.add_argument("--exclude", action="append", default=[], type=glob_arg, metavar="GLOB",
                        help="skip matching paths")


def settings_from(args: argparse.Namespace) -> Settings:
    overrides = []
    for key in ("select", "extend-select", "ignore"):
        value = getattr(args, key.replace("-", "_"))
        if value is not None:
            overrides.append((key, value))
    settings = load_settings(args.config, overrides=overrides)
    if args.exclude:
        settings = settings.replace(exclude=tuple(settings["exclude"]) + tuple(args.exclude))
    return settings


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return value
