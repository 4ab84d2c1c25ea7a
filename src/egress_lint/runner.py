"""Runs the engine over a list of files and returns one result per file, in the order given."""
from __future__ import annotations

from typing import List, Sequence

from .config import Settings
from .engine import FileResult, check_path


def run_files(files: Sequence[str], settings: Settings) -> List[FileResult]:
    return [check_path(path, settings) for path in files]
