"""Pre-check, parse once, build the model once, run every enabled rule over it."""
from __future__ import annotations

import ast
import codecs
import gc
import io
import os
import re
import stat
import sys
import threading
import tokenize
import unicodedata
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Dict, Iterator, List, Optional, Sequence, Tuple, Type

from .catalogue import RULES
from .config import Settings
from .diagnostics import Diagnostic
from .fingerprints import STATEMENT_FIELDS, fingerprint
from .libraries import GUARDED_MODULES, IMPORT_SCOPE, MODULES
from .rule import Rule


@dataclass
class FileResult:
    path: str
    diagnostics: List[Diagnostic] = field(default_factory=list)
    error: Optional[str] = None  # the file could not be read or parsed: why
    internal_errors: List[str] = field(default_factory=list)  # a rule failed: which and how
    suppressed: int = 0  # findings a `# noqa` comment hid
    connections: List[dict] = field(default_factory=list)  # the inventory rows, when asked for
    noqa: List[Diagnostic] = field(default_factory=list)  # the findings a ``# noqa`` comment hid
    # Other modules of the project read to check the file (path -> content hash): the result holds
    # while they are unchanged.
    dependencies: Dict[str, str] = field(default_factory=dict)


class _Precheck:
    """The library modules must appear in an import statement (``from M``, ``import a, M``, with line
    continuations); the rules' words may appear anywhere. Each import regex starts with a literal,
    which lets ``re`` skip ahead with a fast scan, and its body cannot run past the next ``import``,
    the end of the statement or the line, so the time stays linear in the text (a line of 10,000
    ``import a`` used to take minutes). Most files in a repository mention no library in scope."""

    def __init__(self, modules: Sequence[str], words: Sequence[str]) -> None:
        names = "|".join(sorted(map(re.escape, modules)))
        # Python's own whitespace between tokens: space, tab and form feed; a backslash continues a
        # line ended by \n, \r\n or a lone \r (all three are line ends to CPython).
        newline = r"(?:\r\n|\r|\n)"
        gap = rf"(?:[ \t\f]|\\{newline})+"
        # A name that contains another (``psycopg2`` and ``psycopg``) adds nothing to the substring test;
        # short names first, as they are the likeliest to be found early.
        self.module_literals = tuple(sorted((m for m in modules if not any(o != m and o in m for o in modules)),
                                            key=lambda m: (len(m), m)))
        self.word_literals = tuple(sorted(words))
        spelled = "|".join(sorted(_from_spelling(m, gap) for m in modules))
        self.from_import = re.compile(rf"from{gap}(?:{spelled})\b")
        # One alternative per character (the class excludes the backslash), so no text can be split
        # two ways, and a failed attempt stops at the next "import".
        self.plain_import = re.compile(
            rf"import(?=[ \t\f\\])(?:(?!import)[^\r\n;#\\]|\\{newline})*?\b(?:{names})\b")
        self.words = re.compile(r"\b(?:" + "|".join(map(re.escape, self.word_literals)) + r")\b") if words else None

    def __call__(self, text: str) -> bool:
        return _as_python_reads(self._matches, text)

    def _matches(self, text: str) -> bool:
        if self._mentions_word(text):
            return True
        return _statement_match(self.from_import, text) or _statement_match(self.plain_import, text)

    def _mentions_word(self, text: str) -> bool:
        return self.words is not None and any(w in text for w in self.word_literals) \
            and self.words.search(text) is not None

    def mentions_word(self, text: str) -> bool:
        """The word half of the pre-check alone."""
        return _as_python_reads(self._mentions_word, text)


def _from_spelling(module: str, gap: str) -> str:
    """How a ``from`` statement names the library in ``module``: for a top only some of whose modules
    are one (``IMPORT_SCOPE``: ``http`` holds ``http.client``), the module itself or the top followed
    by ``import`` (``from http import client``), so that ``from http.server import ...`` is not one."""
    held = IMPORT_SCOPE.get(module)
    if not held or any(p.count(".") != 1 for p in held):
        return re.escape(module)
    below = "|".join(re.escape(p.split(".", 1)[1]) for p in held)
    return rf"{re.escape(module)}(?:{gap})?(?:\.(?:{gap})?(?:{below})|(?={gap}import))"


def _statement_match(pattern, text: str) -> bool:
    """Does ``pattern`` match where a statement can start: at the start of a line (after its
    indentation), after a ``;``, or after the ``:`` of a compound statement on the same line, and
    outside string literals and comments? An import shown in a docstring, a comment or a sentence is
    not one, and a file whose only mention of a library is such a line is not worth parsing. Only the
    blanks just before each match are read, and the literals only up to the match, so the time stays
    linear in the text."""
    literals = None
    for found in pattern.finditer(text):
        at = found.start() - 1
        while at >= 0 and text[at] in " \t\f":
            at -= 1
        if at < 0 or text[at] in "\n\r:;":
            if literals is None:
                literals = _Literals(text)
            if not literals.hold(found.start()):
                return True
    return False


# The string literals and comments of a text. Each alternative starts at the character that opens
# it and ``finditer`` takes the leftmost, so a quote in a comment or a ``#`` in a string is read as
# Python's tokenizer reads it; an unclosed literal runs to the end of its line (or of the text). The
# loops are unrolled: a run of ordinary characters at a time.
_LITERALS = re.compile(
    r"#[^\r\n]*"
    r'|"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*(?:"""|\Z)'
    r"|'''[^'\\]*(?:(?:\\[\s\S]|'(?!''))[^'\\]*)*(?:'''|\Z)"
    r'|"[^"\\\r\n]*(?:\\[\s\S][^"\\\r\n]*)*"?'
    r"|'[^'\\\r\n]*(?:\\[\s\S][^'\\\r\n]*)*'?"
)


class _Literals:
    """Where a text's string literals and comments lie, read only as far as asked."""

    __slots__ = ("_spans", "_start", "_end")

    def __init__(self, text: str) -> None:
        self._spans = _LITERALS.finditer(text)
        self._start = self._end = -1

    def hold(self, at: int) -> bool:
        """Is the character at ``at`` inside one? (asked in increasing order of ``at``)"""
        while self._end <= at:
            found = next(self._spans, None)
            if found is None:
                return False
            self._start, self._end = found.span()
        return self._start <= at


def _as_python_reads(test, text: str) -> bool:
    """``test`` on the text, and once more on its NFKC form: CPython NFKC-normalises identifiers, so
    `import \U0001d42bequests` and fullwidth letters import requests."""
    if test(text):
        return True
    if not text.isascii():
        normal = unicodedata.normalize("NFKC", text)
        return normal != text and test(normal)
    return False


class _AnyOf:
    """Several compiled patterns searched as one."""

    def __init__(self, patterns) -> None:
        self.patterns = patterns

    def search(self, text: str):
        for pattern in self.patterns:
            found = pattern.search(text)
            if found is not None:
                return found
        return None


class _GuardedPrecheck:
    """The pre-check, plus libraries whose imports count only next to one of their words (a library's
    own source imports itself everywhere; see ``Library.precheck_words``)."""

    def __init__(self, main: _Precheck, guarded) -> None:
        self.main = main
        self.guarded = tuple((_Precheck(modules, ()), words) for modules, words in guarded)
        # All the guarded modules in one pre-check: it matches wherever one of theirs does, and two
        # scans of a text cost less than a substring search per module and word.
        self.any_guarded = _Precheck(tuple(m for modules, _ in guarded for m in modules), ()) if guarded else None
        # The import half, as one pre-check offers it (project resolution asks whether a module imports
        # any library in scope): every module, guarded or not.
        checks = (main,) + tuple(check for check, _ in self.guarded)
        self.module_literals = tuple(m for check in checks for m in check.module_literals)
        self.from_import = _AnyOf(tuple(check.from_import for check in checks))
        self.plain_import = _AnyOf(tuple(check.plain_import for check in checks))

    def __call__(self, text: str) -> bool:
        return _as_python_reads(self._matches, text)  # one NFKC form of a text for all the checks

    def _matches(self, text: str) -> bool:
        if self.main._matches(text):
            return True
        if self.any_guarded is None or not self.any_guarded._matches(text):
            return False
        return any(any(m in text for m in check.module_literals) and any(w in text for w in words)
                   and check._matches(text) for check, words in self.guarded)


@lru_cache(maxsize=1)
def _precheck() -> _GuardedPrecheck:
    return _GuardedPrecheck(_Precheck(MODULES, sorted({word for rule in RULES for word in rule.precheck})),
                            GUARDED_MODULES)


def precheck(text: str) -> bool:
    """True when the text imports a library in scope or mentions a rule's tell-tale word. Every
    finding about a library call needs an import of its module (the semantic model resolves names
    only through imports), so a file without one cannot have such a finding."""
    return _precheck()(text)


def imports_checked(tree: ast.Module, text: str, path: str) -> bool:
    """The pre-check's second look, once the text has passed it and been parsed: does an import
    statement of the module (at any depth) name a library in scope, or does the text mention a
    rule's word? The text test also matches imports written in docstrings and comments (a library's
    own documentation shows ``from sqlalchemy import create_engine`` everywhere); the parsed module
    says which imports Python runs. A module without one is analysed only when it uses a network
    value of another module of the project, as for a file that fails the pre-check."""
    if _precheck().main.mentions_word(text) or _imports_library(tree, text):
        return True
    if path in ("", "-", "stdin"):
        return False
    from .analysis.project import needs_analysis

    return needs_analysis(text, path)


def _imports_library(tree: ast.Module, text: str) -> bool:
    pending = [tree.body]
    while pending:
        for node in pending.pop():
            kind = type(node)
            if kind is ast.Import:
                if any(_reaches_library(alias.name, alias.asname is not None, text) for alias in node.names):
                    return True
            elif kind is ast.ImportFrom:
                module = node.module
                if not node.level and module and module.split(".", 1)[0] in IMPORT_SCOPE and any(
                        _reaches_library(module if alias.name == "*" else f"{module}.{alias.name}", True, text)
                        for alias in node.names):
                    return True
            else:  # statements hold statements only in these fields; expressions hold none
                for name in STATEMENT_FIELDS:
                    inner = getattr(node, name, None)
                    if inner:
                        pending.append(inner)
    return False


def _reaches_library(module: str, exact: bool, text: str) -> bool:
    """Does binding ``module`` give the code a library in scope? ``exact`` when the name bound is the
    module itself (``import a.b as m``, ``from a import b``); else it is the top (``import a.b``).
    Only some modules under ``urllib``, ``http``, ``xmlrpc`` and ``six`` are libraries
    (``IMPORT_SCOPE``): a top bound by ``import urllib.parse`` reaches ``urllib.request`` only by
    spelling its attribute."""
    top = module.split(".", 1)[0]
    if top not in IMPORT_SCOPE:
        return False
    held = IMPORT_SCOPE[top]
    if held is None:
        return True
    if not exact:
        return any(f".{p.split('.')[1]}" in text for p in held)
    return any(module == p or module.startswith(p + ".") or p.startswith(module + ".") for p in held)


def code_matches(code: str, patterns: Sequence[str]) -> bool:
    return any(code.startswith(p) for p in patterns)


def enabled_rules(settings: Settings, rules: Optional[Sequence[Type[Rule]]] = None) -> Tuple[Type[Rule], ...]:
    select = tuple(settings["select"]) + tuple(settings["extend-select"])
    ignore = tuple(settings["ignore"])
    return tuple(r for r in (RULES if rules is None else rules) if code_matches(r.code, select) and not _ignored(r.code, select, ignore))


def _ignored(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """The longer (more specific) of a matching select and ignore entry wins, as in flake8 and ruff."""
    ignored = max((len(p) for p in ignore if code.startswith(p)), default=-1)
    selected = max((len(p) for p in select if code.startswith(p)), default=-1)
    return ignored >= selected and ignored >= 0


def decode_source(data: bytes) -> str:
    """Decode as Python does: a BOM or a PEP 263 coding cookie, UTF-8 otherwise.

    CPython reads the cookie line itself raw and decodes the rest, so with a codec such as
    ``unicode_escape`` (``# coding: unicode_escape \\`` then a line of code) or ``utf-7`` the text
    Python runs differs from the file decoded as a whole. Only codecs that read every ASCII byte as
    itself are accepted, for which both readings agree; any other cookie is refused (LookupError),
    and so are those CPython refuses itself (``utf-16`` on an ASCII file, ``punycode``)."""
    encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    refuse_hiding_codec(encoding)
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def refuse_hiding_codec(encoding: str) -> None:
    if not _reads_ascii_as_itself(encoding):
        raise LookupError(f"the coding cookie names {encoding!r}, which does not read ASCII as ASCII; "
                          "egress-lint refuses it because such a codec can hide code from a checker")


# Each ASCII byte, then escapes that unicode_escape, raw_unicode_escape, utf-7 and hz would turn into
# other characters: an accepted codec must give back exactly these characters.
_ASCII_PROBE = bytes(range(128)) + b"\\u0041 \\x41 \\101 \\N{DIGIT ONE} +AEE- +- ~{ ~} \\\n"


@lru_cache(maxsize=None)
def _reads_ascii_as_itself(encoding: str) -> bool:
    try:
        if not codecs.lookup(encoding)._is_text_encoding:  # type: ignore[attr-defined]
            return False
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _ASCII_PROBE.decode(encoding) == _ASCII_PROBE.decode("ascii")
    except (LookupError, ValueError):
        return False


_COOKIE = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")


def cookie_problem(lines: Sequence[str]) -> Optional[str]:
    """For text decoded by someone else (flake8): why its coding cookie is refused, or None."""
    for number, line in enumerate(lines[:2]):
        match = _COOKIE.match(line)
        if match:
            try:
                refuse_hiding_codec(codecs.lookup(match.group(1)).name)
            except LookupError as exc:
                return str(exc)
            return None
        if number == 0 and line.strip() and not line.lstrip().startswith("#"):
            return None
    return None


def source_lines(text: str) -> List[str]:
    """Split as Python numbers lines (\\n, \\r\\n, \\r; not form feeds or other separators)."""
    return io.StringIO(text, newline="").readlines()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Parsing and analysing allocate many objects and free few, so the cyclic collector runs
    over and over on a growing heap: on a 100k-line module that is a third of the time and makes
    it grow faster than the file. What a file leaves behind is collected after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Before 3.12 ast.parse builds its tree with C recursion bounded by three times the recursion limit,
# so a 5,000-term ``a + a + ...`` fails at the default limit. A thread with a big stack parses such
# files with a raised limit; 512 MiB held 600,000 levels, and the limit keeps us below that.
_DEEP_STACK = 512 * 1024 * 1024
_DEEP_RECURSION_LIMIT = 200_000
_OLDEST_GRAMMAR = (3, 4)  # lets 3.0-3.6 code that uses async/await as names parse


def parse(text: str, path: str) -> ast.Module:
    # The analysed code's own warnings (invalid escapes, `x is 1`) are not ours to print: on 3.12+
    # they would fill stderr, where a user looks for egress-lint's messages.
    with warnings.catch_warnings(), paused_gc():
        warnings.simplefilter("ignore")
        return _parse(text, path)


def _parse(text: str, path: str) -> ast.Module:
    try:
        return ast.parse(text, filename=path, type_comments=False)
    except RecursionError:
        return _parse_deep(text, path)
    except SyntaxError as exc:
        try:
            return ast.parse(text, filename=path, feature_version=_OLDEST_GRAMMAR)
        except (SyntaxError, ValueError, RecursionError):
            raise exc from None


def _parse_deep(text: str, path: str) -> ast.Module:
    outcome: list = []

    def work() -> None:
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, _DEEP_RECURSION_LIMIT))
        try:
            outcome.append(ast.parse(text, filename=path, type_comments=False))
        except BaseException as exc:  # noqa: BLE001 - handed back to the calling thread
            outcome.append(exc)
        finally:
            sys.setrecursionlimit(limit)

    previous = threading.stack_size(_DEEP_STACK)
    try:
        worker = threading.Thread(target=work, name="egress-lint-deep-parse")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(previous)
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def analyse(tree: ast.Module, lines: Sequence[str], path: str, settings: Settings,
            rules: Optional[Sequence[Type[Rule]]] = None, model=None) -> FileResult:
    """Run the rules over a parsed module. ``lines`` is the source, split keeping line ends."""
    with paused_gc():
        result, used, _ = _analyse(tree, lines, path, settings, rules, model)
        if model is None and used is not None:
            used.release()  # made here and read by nothing after (see SemanticModel.release)
        return result


def _analyse(tree: ast.Module, lines: Sequence[str], path: str, settings: Settings,
             rules: Optional[Sequence[Type[Rule]]], model):
    """The result, the model it was read from and the units skipped because they raised."""
    from .analysis.model import SemanticModel

    from .fingerprints import Scopes

    result = FileResult(path)
    if model is None:
        from .analysis import project

        model = SemanticModel(tree, context=project.project().entry(path) if path not in ("", "-", "stdin") else None)
    scopes: Optional[Scopes] = None
    outcome, errors, model, skipped = _rule_findings(model, rules if rules is not None else enabled_rules(settings),
                                                     settings, path, lines)
    result.internal_errors.extend(errors)
    for rule_class, findings in outcome:
        for finding in findings:
            scopes = scopes if scopes is not None else Scopes(tree)
            col = _char_column(lines, finding.line, finding.col)
            end_col = _char_column(lines, finding.end_line, finding.end_col)
            result.diagnostics.append(Diagnostic(
                path=path,
                line=finding.line,
                col=_char_column(lines, finding.line, finding.col) + 1,
                code=rule_class.code,
                message=finding.message,
                hint=finding.hint or rule_class.hint,
                severity=rule_class.severity,
                end_line=finding.end_line,
                end_col=_char_column(lines, finding.end_line, finding.end_col) + 1,
                fix=finding.fix,
                fingerprint=fingerprint(rule_class.code, finding.message, lines, finding.line, finding.end_line,
                                        col, end_col if finding.end_line else -1, scopes.name(finding.line)),
            ))
    result.diagnostics = sorted(set(result.diagnostics), key=lambda d: d.sort_key)
    return result, model, skipped


# Past this many skipped units in one file, a rule that still raises gives up the file (reported).
_MAX_SKIPPED_UNITS = 32


def _rule_findings(model, rules, settings: Settings, path: str, lines: Sequence[str]):
    """Each rule's findings, the internal errors, and the model they come from.

    A rule that raises while the analysis works on one unit (a statement or expression the rules or
    the shared analysis walk: analysis/units.py) costs that unit only: the unit is skipped by every
    walk, and the file is checked again from a fresh model, so no rule sees a state the error left
    half-built. An error outside every walk costs the rule that raised its findings for the file."""
    from .analysis import units
    from .analysis.model import SemanticModel

    skipped: dict = {}  # node -> (rule code, exception)
    while True:
        outcome, whole, failed = [], [], None
        with units.skipping(skipped):
            for rule_class in rules:
                units.reset()
                try:
                    outcome.append((rule_class, list(rule_class(settings).check(model))))
                except Exception as exc:  # noqa: BLE001 - one rule's bug must not silence the others
                    node = units.blame(model.tree)
                    if node is not None and node not in skipped and len(skipped) < _MAX_SKIPPED_UNITS:
                        failed = node, rule_class.code, exc
                        break
                    whole.append(f"{path}: internal error in {rule_class.code}: {type(exc).__name__}: {exc}")
        if failed is None:
            break
        skipped[failed[0]] = failed[1:]
        model = SemanticModel(model.tree, context=model.context)
    errors = [f"{path}:{node.lineno}:{_char_column(lines, node.lineno, node.col_offset) + 1}: internal error in {code}: {type(exc).__name__}: {exc} "
              f"(this expression was skipped by every rule; the rest of the file was checked)"
              for node, (code, exc) in sorted(skipped.items(), key=lambda item: (item[0].lineno, item[0].col_offset))]
    return outcome, errors + whole, model, tuple(skipped)


def _char_column(lines: Sequence[str], line: int, byte_col: int) -> int:
    """ast counts columns in UTF-8 bytes; editors and flake8 count characters."""
    if 0 < line <= len(lines):
        text = lines[line - 1]
        if not text.isascii():
            return len(text.encode("utf-8")[:byte_col].decode("utf-8", "replace"))
    return byte_col


def suppressed(diagnostic: Diagnostic, lines: Sequence[str], noqa=None) -> bool:
    """A ``# noqa`` (flake8's syntax and matching) on any line of the reported call or statement."""
    from .noqa import NoqaLines

    noqa = noqa if noqa is not None else NoqaLines(lines)
    return noqa.suppresses(diagnostic.code, diagnostic.line, diagnostic.end_line)


def apply_noqa(result: FileResult, lines: Sequence[str], settings: Settings) -> None:
    """Move the findings a ``# noqa`` hides (or all of them, under a file-level ``# flake8: noqa`` /
    ``# egress-lint: noqa``) from ``diagnostics`` to ``noqa`` (``suppressed`` counts them); nothing
    with ``disable-noqa``."""
    from .noqa import NoqaLines, file_suppressed

    if settings["disable-noqa"] or not result.diagnostics:
        return
    if file_suppressed(lines):
        result.noqa, result.diagnostics = result.diagnostics, []
    else:
        noqa = NoqaLines(lines)
        if not noqa.any:
            return
        kept = []
        for d in result.diagnostics:
            (result.noqa if suppressed(d, lines, noqa) else kept).append(d)
        result.diagnostics = kept
    result.suppressed = len(result.noqa)


def check_source(data: bytes, path: str, settings: Settings, use_precheck: bool = True,
                 inventory: bool = False, dependencies: bool = True) -> FileResult:
    """Everything the CLI does for one file's bytes: decode, pre-check, parse, analyse, noqa; with
    ``inventory``, also every connection the file makes, from the same model and findings. Without
    ``dependencies`` (no cache keeps the result) the other modules read are not hashed.

    Never raises: a file that cannot be read or parsed gets ``error``; a bug of ours gets
    ``internal_errors``, so the run goes on with the other files and still says what it missed.
    """
    from .analysis import project

    project.configure(settings)
    entry = project.begin_file(path, hashing=dependencies)
    try:
        if path.lower().endswith(".ipynb"):
            from .notebooks import check_notebook

            result = check_notebook(data, path, settings,
                                    lambda code: _check_source(code, path, settings, use_precheck, inventory))
        else:
            with paused_gc():  # the file's tree and model die with _check_source's frame, before it resumes
                result = _check_source(data, path, settings, use_precheck, inventory, entry)
    except Exception as exc:  # noqa: BLE001 - one file must not end the run
        result = FileResult(path, internal_errors=[f"{path}: internal error: {type(exc).__name__}: {exc}"])
    try:
        result.dependencies = project.end_file(entry)
    except Exception:  # noqa: BLE001 - pragma: no cover - an unknown dependency only costs the cache entry
        result.dependencies = {"": "unknown"}  # never matches: the entry is never reused
    return result


def _check_source(data: bytes, path: str, settings: Settings, use_precheck: bool, inventory: bool,
                  entry=None) -> FileResult:
    try:
        text = decode_source(data)
    except (SyntaxError, UnicodeDecodeError, LookupError) as exc:
        return FileResult(path, error=f"{path}: cannot decode: {exc}")
    passed = precheck(text) if use_precheck else True
    if not passed and not _imports_project_network(text, path, entry):
        return FileResult(path)
    try:
        tree = parse(text, path)
    except SyntaxError as exc:
        where = f"{path}:{exc.lineno}:{(exc.offset or 0)}" if exc.lineno else path
        grammar = f"Python {sys.version_info[0]}.{sys.version_info[1]}"
        return FileResult(path, error=f"{where}: syntax error: {exc.msg} (parsed with the {grammar} grammar)")
    except (RecursionError, MemoryError):  # CPython's parser raises MemoryError when its own stack is full
        return FileResult(path, error=f"{path}: cannot parse: expressions nested too deeply for this Python's parser")
    except ValueError as exc:
        return FileResult(path, error=f"{path}: cannot parse: {type(exc).__name__}: {exc}")
    if use_precheck and passed and not imports_checked(tree, text, path if entry is not None else ""):
        return FileResult(path)
    from .analysis.model import SemanticModel

    with paused_gc():
        # Not kept for importers: most checked files are never imported, and a model kept alive
        # costs memory and collector time. A module another file imports is read on demand.
        model = SemanticModel(tree, context=entry)
        try:
            return _analyse_model(model, text, path, settings, inventory)
        finally:
            model.release()


def _imports_project_network(text: str, path: str, entry) -> bool:
    """A file that imports no library may still use a client or function that another module of
    the project makes (``from .http import session``)."""
    if entry is None:
        return False
    from .analysis.project import needs_analysis

    return needs_analysis(text, path)


def _analyse_model(model, text: str, path: str, settings: Settings, inventory: bool) -> FileResult:
    lines = source_lines(text)
    tree = model.tree
    with paused_gc():
        result, model, skipped = _analyse(tree, lines, path, settings, None, model)
        apply_noqa(result, lines, settings)
        if inventory:
            from .analysis.units import skipping
            from .inventory import connections

            with skipping(skipped):  # the units that raised, skipped as the rules skipped them
                result.connections = connections(model, result.diagnostics, settings, path, lines)
    return result


def check_path(path: str, settings: Settings, inventory: bool = False) -> FileResult:
    try:
        data = read_file(path, settings["max-file-size"])
    except FileTooLarge as exc:
        return FileResult(path, error=f"{path}: {exc}")
    except OSError as exc:
        return FileResult(path, error=f"{path}: cannot read: {exc.strerror or exc}")
    return check_source(data, path, settings, inventory=inventory)


class FileTooLarge(Exception):
    """A file over max-file-size: reported as not checked, never parsed."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"not checked: {_mib(size)} is more than max-file-size ({_mib(limit)}); raise "
                         "max-file-size or exclude the file")


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def too_large(size: int, settings: Settings) -> Optional[str]:
    """The message for text of ``size`` bytes over the setting's limit, else None (flake8's route)."""
    limit = settings["max-file-size"]
    return str(FileTooLarge(size, limit)) if size > limit else None


def read_file(path: str, limit: Optional[int] = None) -> bytes:
    """The bytes of a regular file. Anything else (a named pipe, a device, a folder) is refused
    before a read, so a FIFO named ``x.py`` cannot hang the run and ``/dev/zero`` cannot fill memory.
    A file over ``limit`` bytes raises FileTooLarge before its bytes are read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"not a regular file ({_file_kind(info.st_mode)})")
        if limit is not None:
            if info.st_size > limit:
                raise FileTooLarge(info.st_size, limit)
            data = handle.read(limit + 1)
            if len(data) > limit:  # grew while being read
                raise FileTooLarge(len(data), limit)
            return data
        return handle.read()


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return kind
    return "not a file"
