"""Reading the JSON files egress-lint keeps (the result cache, a baseline) from a tree it does not trust.

A committed file may be a symlink to ``/dev/zero`` or a FIFO, hold a gigabyte, nest arrays ten
thousand deep or spell a number as ``1e400``: each is one ``ValueError`` with a short reason, never
a hang, a traceback or a float where a count belongs.
"""
from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any


def load_json(path: Path, limit: int) -> Any:
    """The JSON value in a regular file of at most ``limit`` bytes. Raises ``FileNotFoundError``
    when there is no file, ``ValueError`` (with the reason) for anything else that is wrong."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise ValueError(exc.strerror or str(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError("not a regular file")
        if info.st_size > limit:
            raise ValueError(f"larger than {limit // (1024 * 1024)} MiB")
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise ValueError(exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise ValueError(f"larger than {limit // (1024 * 1024)} MiB")
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg}, line {exc.lineno})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def whole_number(value: Any) -> bool:
    """An int that is not a bool (``1e400`` decodes as the float infinity, ``true`` as a bool)."""
    return isinstance(value, int) and not isinstance(value, bool)
