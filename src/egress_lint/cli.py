"""The `egress-lint` command. Each subcommand lives in its own module under commands/."""
from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from . import __version__
from .commands import check, explain, fix, inventory, rules
from .commands.common import EXIT_ERROR
from .config import ConfigError

COMMANDS = (check, fix, explain, rules, inventory)
EXIT_CLOSED_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a program ended by a closed pipe


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="egress-lint",
        description="Find outbound network calls that are not both encrypted and authenticated (ASVS V9.2.3).")
    parser.add_argument("--version", action="version", version=f"egress-lint {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    _never_fail_to_print()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        code = args.func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's exit
        return code
    except ConfigError as exc:
        print(f"egress-lint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return _closed_pipe()
    except KeyboardInterrupt:  # pragma: no cover
        return 130


def _closed_pipe() -> int:
    """The reader went away (``egress-lint rules | head -1``): stop quietly, as ``yes | head`` does,
    with the shell's status for SIGPIPE. Later writes go nowhere, so Python's own flush at exit
    cannot print a traceback either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_CLOSED_PIPE


def _never_fail_to_print() -> None:
    """A file name with undecodable bytes, or a hint's dash on a non-UTF-8 console, must not turn
    a finished run into a UnicodeEncodeError: print what cannot be encoded as an escape."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
