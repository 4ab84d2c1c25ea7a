"""The flake8 plugin. The only module that imports flake8-facing names; kept light because flake8
imports every installed plugin at start-up, whether selected or not."""
from __future__ import annotations

import sys
from typing import Any, ClassVar, Iterator, List, Optional, Tuple

from . import __version__
from .options import OPTIONS, OptionError
from .textsafe import escape


class EgressLintPlugin:
    name = "egress-lint"
    version = __version__
    _settings: ClassVar[Optional[Any]] = None

    def __init__(self, tree, filename: str = "stdin", lines: Optional[List[str]] = None) -> None:
        self.tree = tree
        self.filename = filename
        self.lines = lines or []

    @classmethod
    def add_options(cls, manager) -> None:
        for option in OPTIONS:
            if option.flake8:
                manager.add_option(option.flake8_flag, default=None, parse_from_config=True,
                                   help=f"egress-lint: {option.help}")

    @classmethod
    def parse_options(cls, options) -> None:
        from .config import Settings

        values = {}
        for option in OPTIONS:
            if not option.flake8:
                continue
            raw = getattr(options, option.flake8_flag[2:].replace("-", "_"), None)
            if raw is None:
                continue
            try:
                values[option.key] = option.parse(option.flake8_flag, raw)
            except OptionError as exc:
                raise SystemExit(f"egress-lint: {exc}") from None
        cls._settings = Settings(values, source="flake8")

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        try:
            from .catalogue import RULES
            from .config import Settings
            from .engine import analyse, cookie_problem, precheck, too_large

            settings = self._settings or Settings()
            oversized = too_large(sum(len(line.encode("utf-8", "surrogatepass")) for line in self.lines), settings)
            if oversized:
                from .catalogue import INTERNAL_ERROR_CODE

                yield 1, 0, f"{INTERNAL_ERROR_CODE} {oversized}", type(self)
                return
            refused = cookie_problem(self.lines)
            if refused:  # what flake8 decoded is not what Python runs: refuse, as the CLI does
                from .catalogue import INTERNAL_ERROR_CODE

                yield 1, 0, f"{INTERNAL_ERROR_CODE} cannot decode: {refused}", type(self)
                return
            if not precheck("".join(self.lines)):
                return
            result = analyse(self.tree, self.lines, self.filename, settings, rules=RULES)
        except Exception as exc:  # noqa: BLE001 - never take flake8 down with us
            yield self._internal_error(f"{self.filename}: internal error: {type(exc).__name__}: {exc}")
            return
        for error in result.internal_errors:
            yield self._internal_error(error)
        for d in result.diagnostics:
            yield d.line, d.col - 1, escape(f"{d.code} {d.message} \u2014 {d.hint}"), type(self)

    def _internal_error(self, message: str) -> Tuple[int, int, str, type]:
        """EGR000 at the failing expression (or line 1): a flake8 gate and an editor show that the file
        was not fully checked, where a line on stderr would go unseen."""
        import re

        from .catalogue import INTERNAL_ERROR_CODE, INTERNAL_ERROR_HINT

        where = re.match(re.escape(self.filename) + r":(\d+):(\d+):", message)
        line, col = (int(where.group(1)), int(where.group(2)) - 1) if where else (1, 0)
        detail = message.split(": internal error", 1)[-1].lstrip(":").strip() or message
        text = f"{INTERNAL_ERROR_CODE} internal error{' ' if detail.startswith('in ') else ': '}{detail}"
        return line, col, escape(f"{text} \u2014 {INTERNAL_ERROR_HINT}"), type(self)
