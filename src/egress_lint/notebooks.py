"""Jupyter notebooks: the code cells are checked as one module, and each finding is mapped back to
its cell and the line inside it (``notebook.ipynb:cell 3:2:5``, as ruff shows them).

IPython syntax is not Python: a line magic (``%pip install x``), a shell escape (``!ls``) or a help
query (``obj?``) becomes an empty comment line, and a cell magic (``%%bash``) makes the whole cell
foreign, so line numbers stay those of the cell. Markdown and raw cells are not code. Findings in a
notebook have no automatic fix: `fix` rewrites Python files, not notebook JSON.
"""
from __future__ import annotations

import json
from dataclasses import replace
from typing import List, Tuple

SUFFIX = ".ipynb"


class NotebookError(ValueError):
    """The bytes are not a notebook this module can read."""


def is_notebook(path: str) -> bool:
    return path.lower().endswith(SUFFIX)


def to_python(data: bytes) -> Tuple[str, List[Tuple[int, int]]]:
    """The code cells as one module, and for each of its lines (1-based, index 0 unused) the cell
    number (1-based, counting every cell as the notebook shows them) and the line inside the cell."""
    try:
        notebook = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise NotebookError(f"not a notebook (invalid JSON: {exc})") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise NotebookError("not a notebook (no list of cells; nbformat 4 is read)")
    lines: List[str] = []
    where: List[Tuple[int, int]] = [(0, 0)]
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        cell_lines = text.splitlines() or [""]
        foreign = cell_lines[0].lstrip().startswith("%%")
        for inside, line in enumerate(cell_lines, 1):
            lines.append("#" if foreign or _ipython_only(line) else line)
            where.append((number, inside))
        lines.append("")  # cells do not continue one another
        where.append((number, len(cell_lines) + 1))
    return "\n".join(lines) + "\n", where


def _ipython_only(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("%", "!", "?")) or (stripped.endswith("?") and not stripped.startswith("#"))


def check_notebook(data: bytes, path: str, settings, check) -> "object":
    """``check(bytes, path)`` over the code cells, with every finding moved to its cell and line."""
    from .engine import FileResult

    try:
        text, where = to_python(data)
    except NotebookError as exc:
        return FileResult(path, error=f"{path}: cannot read: {exc}")
    result = check(text.encode("utf-8"))

    def mapped(d):
        cell, line = where[d.line] if 0 < d.line < len(where) else (0, d.line)
        end_cell, end_line = where[d.end_line] if 0 < d.end_line < len(where) else (cell, d.end_line)
        return replace(d, cell=cell, line=line, end_line=end_line if end_cell == cell else line, fix=None)

    result.diagnostics = [mapped(d) for d in result.diagnostics]
    result.noqa = [mapped(d) for d in result.noqa]
    for row in result.connections:
        cell, line = where[row["line"]] if 0 < row["line"] < len(where) else (0, row["line"])
        row["line"], row["cell"] = line, cell
    if result.error:
        result.error = result.error.replace(f"{path}:", f"{path} (code cells joined):", 1)
    return result
