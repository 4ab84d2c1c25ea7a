"""Runs the engine over a list of files and returns one result per file, in the order given."""
from __future__ import annotations

from typing import List, Sequence

from .config import Settings
from .diagnostics import Diagnostic
from .engine import FileResult, check_path


def run_files(files: Sequence[str], settings: Settings) -> List[FileResult]:
    return [check_path(path, settings) for path in files]


def reported(result: FileResult, settings: Settings) -> List[Diagnostic]:
    """The result's findings less those the per-file-ignores setting hides for its path."""
    from .files import matches

    ignored = [code for pattern, codes in settings["per-file-ignores"] if matches(result.path, [pattern])
               for code in codes]
    return [d for d in result.diagnostics if not any(d.code.startswith(c) for c in ignored)]
