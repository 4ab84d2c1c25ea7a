"""What several subcommands share: exit codes, code-list arguments, settings from the arguments."""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from typing import Dict, List, Tuple

from ..config import Resolver, Settings, find_flake8_config, flake8_config_file, flake8_values
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
    parser.add_argument("--stdin-filename", metavar="PATH",
                        help="with PATH '-': the file the text on stdin stands for (its configuration, "
                             "per-file-ignores and cache entry are that path's)")
    parser.add_argument("--disable-noqa", action="store_true",
                        help="report findings even where a '# noqa' comment hides them (as flake8's option)")


def resolver_from(args: argparse.Namespace) -> Resolver:
    """Each file's settings: its nearest ``[tool.egress-lint]`` (``--config``, else the flake8
    configuration's ``egress-config``, for all), over the ``egress-*`` options of the flake8
    configuration flake8 itself would read, under the flags."""
    overrides = []
    for key in ("select", "extend-select", "ignore"):
        value = getattr(args, key.replace("-", "_"), None)
        if value is not None:
            overrides.append((key, value))
    if getattr(args, "disable_noqa", False):
        overrides.append(("disable-noqa", True))
    flake8_file = find_flake8_config(Path.cwd().resolve())
    base = flake8_values(flake8_file)
    config = args.config if args.config is not None else flake8_config_file(flake8_file)
    return Resolver(config, overrides, tuple(getattr(args, "exclude", ()) or ()), base)


def settings_from(args: argparse.Namespace) -> Settings:
    """The settings that apply in the working directory (for commands that take one set)."""
    return resolver_from(args).default()


def discover_files(args: argparse.Namespace, resolver: Resolver):
    """The files to check, the path errors, and the Discovery (what was skipped or excluded). The
    ``exclude`` of each file's own configuration applies to it (``--exclude`` applies everywhere)."""
    from ..files import Discovery, discover

    found = Discovery()
    files, errors = discover(getattr(args, "paths", None) or ["."], resolver.extra_exclude,
                             default_excludes=getattr(args, "default_excludes", True), into=found)
    kept = []
    for path in files:
        (found.excluded if excluded(path, resolver) else kept).append(path)
    found.excluded.sort()
    found.files = kept
    return kept, list(errors), found


def excluded(path: str, resolver: Resolver) -> bool:
    """Does the ``exclude`` of the file's own configuration match it (relative to that file's folder)?"""
    from ..files import matches

    config = resolver.config_for(path)
    patterns = resolver.settings_for_config(config)["exclude"]
    if not patterns:
        return False
    candidates = [path]
    if config is not None:
        try:
            candidates.append(Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(config)).parent).as_posix())
        except ValueError:
            pass
    return any(matches(candidate, patterns) for candidate in candidates)


def group_by_settings(files: List[str], resolver: Resolver) -> List[Tuple[Settings, List[str]]]:
    """The files that share a configuration, together, in the order their first file comes."""
    groups: Dict[object, Tuple[Settings, List[str]]] = {}
    for path in files:
        config = resolver.config_for(path)
        groups.setdefault(config, (resolver.settings_for_config(config), []))[1].append(path)
    return list(groups.values())


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return value
