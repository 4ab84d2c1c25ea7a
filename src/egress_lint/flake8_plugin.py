"""The flake8 plugin. The only module that imports flake8-facing names; kept light because flake8
imports every installed plugin at start-up, whether selected or not.

It reads the same configuration as the CLI, so flake8, editors (pylsp) and the flake8 pre-commit
route give the CLI's answer: each file's nearest ``[tool.egress-lint]`` table (its ``select``,
``ignore``, ``exclude`` and ``per-file-ignores`` included), over the ``--egress-<key>`` options.
flake8 only looks for ``# noqa`` on a finding's first line; the plugin itself leaves out a finding
with a matching ``# noqa`` on any line of the reported call or statement (unless ``--disable-noqa``).
"""
from __future__ import annotations

import os
from typing import Any, ClassVar, Dict, Iterator, List, Optional, Tuple

from . import __version__
from .options import OPTIONS, OptionError
from .textsafe import escape


class EgressLintPlugin:
    name = "egress-lint"
    version = __version__
    _flake8_values: ClassVar[Dict[str, Any]] = {}
    _disable_noqa: ClassVar[bool] = False
    _config: ClassVar[Optional[str]] = None  # --egress-config: one pyproject.toml for every file
    _resolver: ClassVar[Optional[Any]] = None

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
        # The CLI's --config: a pyproject.toml whose [tool.egress-lint] applies to every file,
        # instead of each file's nearest one. flake8 resolves a value with a "/" (./pyproject.toml)
        # from the folder of the configuration file that sets it.
        manager.add_option("--egress-config", default=None, parse_from_config=True, normalize_paths=True,
                           help="egress-lint: pyproject.toml to read [tool.egress-lint] from for every file "
                                "(default: the nearest one above each file)")

    @classmethod
    def parse_options(cls, options) -> None:
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
        cls._flake8_values = values
        cls._disable_noqa = bool(getattr(options, "disable_noqa", False))
        cls._config = getattr(options, "egress_config", None) or None
        cls._resolver = None

    @classmethod
    def resolver(cls):
        if cls._resolver is None:
            from pathlib import Path

            from .config import Resolver

            cls._resolver = Resolver(Path(cls._config) if cls._config else None, base=cls._flake8_values)
        return cls._resolver

    def run(self) -> Iterator[Tuple[int, int, str, type]]:
        try:
            from .catalogue import INTERNAL_ERROR_CODE, RULES
            from .config import ConfigError
            from .engine import analyse, apply_noqa, cookie_problem, enabled_rules, imports_checked, precheck, too_large
            from .runner import reported

            try:
                settings, excluded = self._settings()
            except ConfigError as exc:
                yield 1, 0, f"{INTERNAL_ERROR_CODE} egress-lint configuration error: {exc}", type(self)
                return
            if excluded:
                return
            text = "".join(self.lines)
            oversized = too_large(len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass")), settings)
            if oversized:
                yield 1, 0, f"{INTERNAL_ERROR_CODE} {oversized}", type(self)
                return
            refused = cookie_problem(self.lines)
            if refused:  # what flake8 decoded is not what Python runs: refuse, as the CLI does
                yield 1, 0, f"{INTERNAL_ERROR_CODE} cannot decode: {refused}", type(self)
                return
            from .analysis import project

            project.configure(settings)  # the project's roots (``src``) for resolving its own imports
            stdin = self.filename in ("stdin", "-")
            # As for a file of the CLI: modules read for an earlier file are looked at again if they
            # changed, and the models kept for importers stay within their budget between files.
            entry = project.begin_file("" if stdin else self.filename, hashing=False)  # no cache keeps a result
            try:
                if not precheck(text):
                    if stdin or not project.needs_analysis(text, self.filename):
                        return
                elif not imports_checked(self.tree, text, "" if stdin else self.filename):
                    return
                if self._disable_noqa:
                    settings = settings.replace(disable_noqa=True)
                result = analyse(self.tree, self.lines, self.filename, settings, rules=enabled_rules(settings, RULES))
            finally:
                project.end_file(entry, keep_bytes=project.HOSTED_MODEL_BYTES)
            apply_noqa(result, self.lines, settings)
            diagnostics = reported(result, settings)
        except Exception as exc:  # noqa: BLE001 - never take flake8 down with us
            yield self._internal_error(f"{self.filename}: internal error: {type(exc).__name__}: {exc}")
            return
        for error in result.internal_errors:
            yield self._internal_error(error)
        for d in diagnostics:
            yield d.line, d.col - 1, escape(f"{d.code} {d.message} \u2014 {d.hint}"), type(self)

    def _settings(self):
        from .commands.common import excluded

        resolver = self.resolver()
        path = self.filename if self.filename not in ("stdin", "-") else os.path.join(os.getcwd(), "stdin.py")
        return resolver.settings_for(path), excluded(path, resolver)

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
