"""The project being checked: imports of its own modules, resolved on demand to its files.

A name imported from a module of the project (``from .http import session``, ``import myapp.http
as m``, ``from myapp import http as requests``) resolves to what that module binds, read from the
module's own semantic model. Each module is read, parsed and modelled at most once per process
(a bounded LRU keeps memory flat on big projects), and what one of its module-level names resolves
to is computed once and kept with it: importers read that, never the other module's tree.

The import root of a file is found by walking up while ``__init__.py`` exists; the project folder
(the nearest one above it holding ``pyproject.toml``, ``setup.py``, ``setup.cfg`` or ``.git``) and its
``src/`` folder are further roots, so a ``src/`` layout and tests next to it resolve. A name whose
top-level package is a library in the tables (``requests``, ``ssl``, ...) is never looked up in
the project: it keeps the library's meaning, as before.

Import cycles and chains longer than ``MAX_HOPS`` resolve to unknown. Nothing here executes
analysed code.
"""
from __future__ import annotations

import ast
import builtins
import glob
import os
import re
from collections import OrderedDict
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Set, Tuple

from ..libraries import CLIENT_TYPES, CONSTRUCTORS, FUNCTIONS, MODULES, canonical
from .values import (MAX_CALLERS, NOT_PASSED, UNKNOWN, CallResult, LocalClass, LocalFunction, Module, Partial,
                     ProjectClass, Ref, Resolver, SelfRef, Unknown, Value, parameter_position, passed_parameter)

MAX_HOPS = 40  # module-to-module steps of one resolution
# Modules kept parsed between files, by the size of their source: a parsed and modelled module takes
# roughly a hundred times its source in memory, and a process should stay under 150 MiB (2 MB of
# kept source peaked at 175 MiB on the bench corpus; 500 kB at 100 MiB, with the same findings).
MAX_MODEL_BYTES = 500_000
# The same where another program's collector runs over our objects (the flake8 plugin, in flake8's
# processes and in editors): each of its full collections walks every kept model, which cost more
# than parsing the dependencies again (flake8 -j1 over 273 network-library modules: 12.9-13.4 s of
# CPU keeping 500 kB, 11.8-11.9 s keeping 100 kB, the same as keeping none).
HOSTED_MODEL_BYTES = 100_000
# Module texts kept between look-ups: a module asked about is usually asked again soon (re-reading
# is most of the quick test's time), and a few megabytes of text are cheap next to one parsed model.
MAX_KEPT_TEXTS = 256
MAX_KEPT_CHARS = 8 * 1024 * 1024
# A dependency bigger than this is not parsed for its importers (settings and client modules are
# small; the big modules of a framework would cost more than the files that import them).
MAX_PLAIN_BYTES = 32_000  # a module that imports no library: settings, constants
MAX_DIRECT_BYTES = 128_000  # a module that imports a library: clients, factories
# Callers in other modules of a function whose parameter gives a TLS switch its value: the project
# is walked for them once per process, up to this many files (past it: not followed).
MAX_PROJECT_FILES = 2_000
MAX_PROJECT_FOLDERS = 5_000
_END_OF_MODULE = 1 << 30  # a line after every statement: what the module binds once it has run
_LIBRARY_TOPS = frozenset(m.split(".")[0] for m in MODULES)
# The top-level modules whose calls can give a value another module reads: the libraries, and
# ``functools.partial`` of a request function
_VALUE_MODULES = _LIBRARY_TOPS | {"functools"}
_PROJECT_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", ".git")
_VIA_LINE = re.compile(r"^(?:.*), line (\d+)$")
# Both start with a literal, which lets ``re`` skip ahead with a fast scan; a match counts only at
# the start of a line (``_at_line_start``).
_FROM_IMPORT = re.compile(r"from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]*(\([^)]*\)|[^\n#;]*)")
_PLAIN_IMPORT = re.compile(r"import[ \t]+([\w. \t,]+)")


# Module-level statements that bind a name: ``def f(``, ``class C(bases)``, ``NAME =``, ``NAME: T =``.
# Each starts with a literal newline (the text is searched with one put in front), which lets ``re``
# skip ahead with a fast scan instead of trying every position.
_TOP_LEVEL = re.compile(r"\n(?:async[ \t]+)?(def|class)[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?")
_ASSIGNED = re.compile(r"\n(\w+)[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*([^\n]{0,60})")
_CALL_OR_NAME = re.compile(r"[A-Za-z_][\w.]*[ \t]*(?:\(|$|#)")
_WORD_AT = re.compile(r"\w+")
_CLASS_BASES = re.compile(r"\n[ \t]*class[ \t]+\w+[ \t]*\(([^)]*)\)")
_ASSIGN_AFTER_NAME = re.compile(r"[ \t]*(?::[^=\n(]*)?=(?!=)")
_CALLED_NAME = re.compile(r"([A-Za-z_]\w*)(?:[ \t]*\.[ \t]*\w+)*[ \t]*\(")
# Calls whose result is opaque to the resolver (``dict()`` and ``bool()`` give values it reads)
_OPAQUE_BUILTINS = frozenset(dir(builtins)) - {"dict", "bool"}
_CLIENT_WORDS = frozenset(q.rsplit(".", 1)[-1] for q in list(CONSTRUCTORS) + list(CLIENT_TYPES))
_WORD = re.compile(r"\w+|\*")
_METHOD_DEF = re.compile(r"^[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)", re.M)


def _alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, grouped by their first letters: ``re`` tries the branches of
    a group one by one at every position, and a flat list of 57 names cost three times its trie."""
    groups: Dict[str, List[str]] = {}
    whole = False
    for word in sorted(set(words)):
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            whole = True
    branches = []
    for first, rests in groups.items():
        inner = _alternation(rests)
        branches.append(re.escape(first) + (f"(?:{inner})" if "|" in inner or inner.endswith("?") else inner))
    body = "|".join(branches)
    if whole:
        return f"(?:{body})?" if body else ""
    return body


_CONSTRUCTOR_NAMES = _alternation(q.rsplit(".", 1)[-1] for q in CONSTRUCTORS)
_CONSTRUCTOR_CALL = re.compile(rf"(?:{_CONSTRUCTOR_NAMES})\s*\(")
_SELF_CLIENT = re.compile(r"self\.(\w+)[ \t]*(?::[^=\n]*)?=[ \t]*(?:\w+[ \t]*=[ \t]*)?(?:[\w.]+\.)?"
                          rf"(?:{_CONSTRUCTOR_NAMES})[ \t]*\(")


def _calls_constructor(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` call a client constructor by its name (``Session(``, ``ssl.SSLContext (``)?"""
    for found in _CONSTRUCTOR_CALL.finditer(text, start, end):
        at = found.start()
        if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):  # a whole name, as ``\b`` reads it
            return True
    return False


@lru_cache(maxsize=1)
def _library_imports():
    from ..engine import _Precheck

    return _Precheck(MODULES, ())


def _imports_library(text: str) -> bool:
    """The import half of the engine's pre-check (a rule's tell-tale word in a dependency does not
    make it hand anything to its importers)."""
    return _library_imports()(text)


def _import_lines(text: str) -> str:
    lines = []
    at = text.find("import")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        lines.append(text[start:end])
        at = text.find("import", end)
    return "\n".join(lines)


_PARAM_NAME = re.compile(r"(\*{0,2})[ \t]*([A-Za-z_]\w*)")


def _forwards(params: str, text: str, start: int, end: int) -> bool:
    """Can a function be a helper that forwards to a request (judged from its text)? Its body passes
    on its ``**kwargs``, or passes a parameter named like a URL (``url``, ``uri``, ``endpoint``,
    ``href``) as the first argument of a call or as a ``url=`` keyword."""
    if "**" not in params and not _URL_WORDS.search(params):
        return False
    body = text[start:end]
    for match in _PARAM_NAME.finditer(params):
        stars, name = match.group(1), match.group(2)
        if name in ("self", "cls") or (match.start() and params[match.start() - 1] in "=:"):
            continue
        if stars == "**":
            if re.search(r"\*\*[ \t]*" + name + r"\b", body):
                return True
        elif not stars and _URL_WORDS.search(name) and name in body \
                and re.search(r"\([ \t]*" + name + r"[ \t]*[,)]|\burl[ \t]*=[ \t]*" + name + r"\b", body):
            return True
    return False


_URL_WORDS = re.compile(r"url|uri|endpoint|href", re.IGNORECASE)


def _assigned_indented(text: str, name: str) -> bool:
    """Is ``name`` assigned in an indented line (``    NAME = ...``, ``    NAME: T = ...``)?"""
    if not name.isidentifier():
        return False
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        line = text.rfind("\n", 0, at) + 1
        if at > line and not text[line:at].strip(" \t") and (end == len(text) or not (text[end].isalnum() or text[end] == "_")) \
                and _ASSIGN_AFTER_NAME.match(text, end):
            return True
        at = text.find(name, end)
    return False


def _at_line_start(text: str, start: int) -> bool:
    line = text.rfind("\n", 0, start) + 1
    return not text[line:start].strip()


_NOT_FOREIGN = object()


class _Frame:
    __slots__ = ("deps", "cycle")

    def __init__(self) -> None:
        self.deps: Set[str] = set()
        self.cycle = False


class Project:
    """Every module of every project seen by this process, and what was read for the current file."""

    def __init__(self) -> None:
        self._entries: Dict[str, Optional[ModuleEntry]] = {}
        self._packages: Dict[str, Tuple[str, Tuple[str, ...]]] = {}  # folder -> (import root, package parts)
        self._roots: Dict[str, Tuple[str, ...]] = {}  # import root -> every root to search
        self._project_dirs: Dict[str, str] = {}
        self._isfile: Dict[str, bool] = {}
        self._walks: Dict[Tuple[str, ...], Optional[Tuple[str, ...]]] = {}
        self._resolved: Dict[tuple, Optional[ModuleEntry]] = {}
        self._models: "OrderedDict[str, ModuleEntry]" = OrderedDict()
        self._by_tree: Dict[int, ModuleEntry] = {}
        self._frames: List[_Frame] = []
        self._hops = 0
        self._active: Set[Tuple[str, str]] = set()
        self.reads: Optional[Dict[str, str]] = None  # path -> content hash of every module read for the file
        # The texts read last, by path (stamp, text): most modules are asked about a few times in a row.
        self._texts: "OrderedDict[str, Tuple[object, str]]" = OrderedDict()
        self._text_chars = 0
        self.generation = 0  # one per file checked: a module read before is looked at again (stat) once
        self.hashing = True  # whether the modules read are hashed (what a cache entry depends on)
        self.bases_wanted = False  # a base class is being looked up (see ModuleEntry.base_class)
        self.src: Tuple[str, ...] = ()  # the configured roots (``src = [...]``), absolute

    # -- files and roots ------------------------------------------------------------------------
    def _file(self, path: str) -> bool:
        found = self._isfile.get(path)
        if found is None:
            found = self._isfile[path] = os.path.isfile(path)
        return found

    def _package_of(self, folder: str) -> Tuple[str, Tuple[str, ...]]:
        found = self._packages.get(folder)
        if found is None:
            if self._file(os.path.join(folder, "__init__.py")):
                parent = os.path.dirname(folder)
                if parent == folder:
                    found = (folder, ())
                else:
                    root, parts = self._package_of(parent)
                    found = (root, parts + (os.path.basename(folder),))
            else:
                found = (folder, ())
            self._packages[folder] = found
        return found

    def roots(self, root: str) -> Tuple[str, ...]:
        found = self._roots.get(root)
        if found is None:
            found = [root]
            project = self.project_dir(root)
            for extra in self.src or (project, os.path.join(project, "src")):
                if extra not in found and os.path.isdir(extra):
                    found.append(extra)
            found = self._roots[root] = tuple(found)
        return found

    def project_dir(self, root: str) -> str:
        """The folder paths in messages are relative to: the nearest one at or above the import root
        that holds a project file, else the import root."""
        found = self._project_dirs.get(root)
        if found is None:
            found = root
            folder = root
            for _ in range(4):
                if any(os.path.exists(os.path.join(folder, marker)) for marker in _PROJECT_MARKERS):
                    found = folder
                    break
                parent = os.path.dirname(folder)
                if parent == folder:
                    break
                folder = parent
            self._project_dirs[root] = found
        return found

    def entry(self, path: str) -> Optional["ModuleEntry"]:
        path = os.path.abspath(path)
        if path in self._entries:
            return self._entries[path]
        folder, filename = os.path.split(path)
        stem, ext = os.path.splitext(filename)
        if ext != ".py" or not stem.isidentifier():
            self._entries[path] = None
            return None
        root, package = self._package_of(folder)
        is_package = stem == "__init__"
        parts = package if is_package else package + (stem,)
        found = self._entries[path] = ModuleEntry(self, path, root, parts, is_package)
        return found

    def files_of(self, entry: "ModuleEntry") -> Optional[Tuple[str, ...]]:
        """Every module file of the project ``entry`` belongs to (its roots, walked once per process,
        skipping what the CLI skips by default); None for a project too big to walk."""
        roots = self.roots(entry.root)
        key = roots
        if key in self._walks:
            return self._walks[key]
        from ..files import default_skip

        found: List[str] = []
        folders = 0
        tops = [r for r in roots if not any(r != o and r.startswith(o.rstrip(os.sep) + os.sep) for o in roots)]
        complete = True
        for top in tops:
            for folder, dirs, files in os.walk(top):
                folders += 1
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and default_skip(folder, d) is None)
                found.extend(os.path.join(folder, name) for name in sorted(files) if name.endswith(".py"))
                if len(found) > MAX_PROJECT_FILES or folders > MAX_PROJECT_FOLDERS:
                    complete = False
                    break
            if not complete:
                break
        result = self._walks[key] = tuple(found) if complete else None
        return result

    def find_module(self, parts: Tuple[str, ...], roots: Iterable[str]) -> Optional["ModuleEntry"]:
        for root in roots:
            base = os.path.join(root, *parts)
            for candidate in (base + ".py", os.path.join(base, "__init__.py")):
                if self._file(candidate):
                    return self.entry(candidate)
        return None

    # -- what the current file read ---------------------------------------------------------------
    def begin_file(self) -> None:
        self.reads = {}
        self._hops = 0
        self.generation += 1

    def end_file(self, keep_bytes: int = MAX_MODEL_BYTES) -> Dict[str, str]:
        reads, self.reads = self.reads or {}, None
        self._trim(keep_bytes)

        return reads

    def _touch(self, entry: "ModuleEntry") -> None:
        if self.reads is not None and entry.digest is not None:
            self.reads[entry.path] = entry.digest
        for frame in self._frames:
            frame.deps.add(entry.path)

    def _replay(self, paths: Iterable[str]) -> None:
        for path in paths:
            entry = self._entries.get(path)
            if entry is not None:
                self._touch(entry)

    # -- models -------------------------------------------------------------------------------------
    def _loaded(self, entry: "ModuleEntry") -> None:
        self._models[entry.path] = entry
        self._models.move_to_end(entry.path)
        self._by_tree[id(entry.model_if_loaded.tree)] = entry

    def _trim(self, keep_bytes: int) -> None:
        """Between files: past ``keep_bytes`` of source, forget every model. Not only the least
        recently used: what the others resolved (and remember) may point into any of them."""
        if sum(entry.size for entry in self._models.values()) > keep_bytes:
            self._unload_all()

    def _unload_all(self) -> None:
        models = [entry.model_if_loaded for entry in self._models.values()]
        for entry in self._models.values():
            entry.unload()
        self._models.clear()
        self._by_tree.clear()
        for entry in self._entries.values():  # a module never parsed may remember a value of one that was
            if entry is not None:
                entry.exports.clear()
        for model in models:  # all at once: what the others remembered may point into any of them
            if model is not None:
                model.release()

    def _forget(self, entry: "ModuleEntry") -> None:
        """A module's file changed: drop its model and everything resolved through any module."""
        self._unload_all()
        entry.unload()
        entry._failed = False
        entry._text_relevant = None
        for other in self._entries.values():
            if other is not None:
                other._network = None
                other._names_network.clear()
        entry._imports = None
        entry._aliases = {}
        entry._kinds = None
        entry._not_bound = set()
        for other in self._models.values():
            other.exports.clear()
            other._weakenings.clear()

    def owner(self, module_scope) -> Optional["ModuleEntry"]:
        return self._by_tree.get(id(module_scope.node))

    def site_of(self, call: ast.AST):
        for entry in list(self._models.values()):
            model = entry.model_if_loaded
            if model is not None:
                site = model.own_site(call)
                if site is not None:
                    return site
        return None


class ProjectTable(dict):
    """A table of one module's index keyed by its nodes (functions, classes) that also answers for
    the nodes of the other modules loaded: a value of another module (a class, a method) reaches
    code that looks its node up in the table of the module being analysed."""

    def __init__(self, own: dict, owner: Project, field: str) -> None:
        super().__init__(own)
        self._owner = owner
        self._field = field

    def __missing__(self, key):
        for entry in list(self._owner._models.values()):
            model = entry.model_if_loaded
            if model is not None:
                found = dict.get(getattr(model.index, self._field), key)
                if found is not None:
                    return found
        raise KeyError(key)


_PROJECT: Optional[Project] = None


def project() -> Project:
    global _PROJECT
    if _PROJECT is None:
        _PROJECT = Project()
    return _PROJECT


def reset() -> None:
    """Forget every module (the files on disk changed)."""
    global _PROJECT
    _PROJECT = None


def fresh_resolve(resolver: Resolver, expr: ast.AST, scope) -> Value:
    """A top-level question to another module's resolver that may already be half-way through one
    of its own."""
    with resolver.question_aside():
        return resolver.resolve(expr, scope)


class ModuleEntry:
    """One file of the project: where it is, and (once asked for) its model and resolved names."""

    def __init__(self, owner: Project, path: str, root: str, parts: Tuple[str, ...], is_package: bool) -> None:
        self.project = owner
        self.path = path
        self.root = root
        self.parts = parts
        self.is_package = is_package
        self.digest: Optional[str] = None
        self.model_if_loaded = None
        self._failed = False
        self._text_relevant: Optional[bool] = None
        self.exports: Dict[str, Tuple[Value, Tuple[str, ...]]] = {}
        self._rel: Optional[str] = None
        self._configured = False
        self._weakenings: Dict[str, list] = {}
        self._probes: Dict[str, ast.Name] = {}
        self._network: Optional[Tuple[str, ...]] = None
        self._direct = False
        self._kinds: Optional[Dict[str, str]] = None  # module-level name -> what binds it, from the text
        self._bases: Dict[str, Tuple[str, ...]] = {}  # class -> each base as written (``booru.Base``), from the text
        # class -> the attributes its methods store a client in (``self.session = requests.Session()``),
        # from the text
        self._holders: Dict[str, Optional[Set[str]]] = {}  # found when asked (see ``holders``)
        self._client_methods: Dict[str, Set[str]] = {}  # found when asked (see ``client_methods``)
        self._plain_classes: Set[str] = set()  # classes without bases (``class Config:``), from the text
        # function -> (parameters, start, end) of each ``def`` of it, and class -> (start, end), in the text
        self._spans: Dict[str, List[Tuple[str, int, int]]] = {}
        self._class_spans: Dict[str, Tuple[int, int]] = {}
        self._not_bound: Set[str] = set()  # names asked about that the text does not bind
        self._assigned: Dict[str, List[str]] = {}  # module-level name -> the start of each value assigned, from the text
        self._names_network: Dict[str, bool] = {}
        self._imports: Optional[List[Tuple[ModuleEntry, Tuple[str, ...]]]] = None
        self._aliases: Dict[str, Tuple[ModuleEntry, str]] = {}
        self._library_names: Dict[str, str] = {}  # name -> qualname, for ``from lib import x as name``
        self._generation = -1
        self._callers: Dict[str, tuple] = {}  # function -> (its calls in other modules, modules looked at)
        self._stamp: Optional[Tuple[int, int]] = None
        self.size = 0

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"ModuleEntry({self.rel})"

    @property
    def rel(self) -> str:
        if self._rel is None:
            base = self.project.project_dir(self.root)
            self._rel = os.path.relpath(self.path, base).replace(os.sep, "/")
        return self._rel

    # -- reading -------------------------------------------------------------------------------
    def _read(self) -> Optional[bytes]:
        from ..cache import content_hash
        from ..engine import read_file

        try:
            data = read_file(self.path)
        except OSError:
            return None
        # "" when the run keeps no cache: a result that read the module is then never reused
        self.digest = content_hash(data) if self.project.hashing else ""
        self.size = len(data)
        return data

    def _fresh(self) -> None:
        """Once per file checked: a module whose file changed since it was read is read again."""
        if self._generation == self.project.generation:
            return
        self._generation = self.project.generation
        try:
            info = os.stat(self.path)
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
        if stamp != self._stamp:
            if self._stamp is not None:
                self.project._forget(self)
            self._stamp = stamp

    def model(self):
        """This module's semantic model, built on first use (None when it cannot be read or parsed)."""
        self._fresh()
        if self.model_if_loaded is not None:
            self.project._models.move_to_end(self.path)
            self.project._touch(self)
            return self.model_if_loaded
        if self._failed:
            return None
        from ..engine import decode_source, parse
        from .model import SemanticModel

        data = self._read()
        try:
            tree = parse(decode_source(data), self.path) if data is not None else None
        except (SyntaxError, ValueError, RecursionError, MemoryError, UnicodeDecodeError, LookupError):
            tree = None
        if tree is None:
            self._failed = True
            return None
        self.adopt(SemanticModel(tree, context=self), self.digest, self.size)
        return self.model_if_loaded

    def adopt(self, model, digest: Optional[str], size: int) -> None:
        """Keep ``model`` as this module's, built from the bytes whose hash is ``digest``."""
        self._fresh()
        self.size = size
        if self.model_if_loaded is not None and self.model_if_loaded is not model:
            self.project._forget(self)
        if self.model_if_loaded is not None:
            self.project._by_tree.pop(id(self.model_if_loaded.tree), None)
        self.model_if_loaded = model
        self._probes.clear()
        self.digest = digest
        self.exports.clear()
        self._configured = False
        self._weakenings.clear()
        self.project._loaded(self)
        self.project._touch(self)

    def unload(self) -> None:
        self.model_if_loaded = None
        self._probes.clear()
        self.exports.clear()
        self._configured = False
        self._weakenings.clear()

    def text_relevant(self) -> bool:
        """Does this module import a library in scope itself? (its text, read once per process)"""
        self._fresh()
        if self._text_relevant is not None:
            self.project._touch(self)
            return self._text_relevant
        self._text_relevant = self._direct = _imports_library(self._text_now())
        return self._text_relevant

    def _text_now(self) -> str:
        """The text, only looked at (never run): a file that fails to decode is read as UTF-8 with
        replacements. The last few texts are kept (``MAX_KEPT_TEXTS``); an older one is read again."""
        project = self.project
        project._touch(self)
        if self._stamp is None:
            self._fresh()  # the stamp the text is kept under
        texts = project._texts
        kept = texts.get(self.path)
        if kept is not None and kept[0] == self._stamp:
            texts.move_to_end(self.path)
            return kept[1]
        data = self._read()
        text = data.decode("utf-8", "replace") if data is not None else ""
        if kept is not None:
            project._text_chars -= len(kept[1])
        texts[self.path] = (self._stamp, text)
        texts.move_to_end(self.path)
        project._text_chars += len(text)
        while len(texts) > MAX_KEPT_TEXTS or (project._text_chars > MAX_KEPT_CHARS and len(texts) > 1):
            _, (_, dropped) = texts.popitem(last=False)
            project._text_chars -= len(dropped)
        return text

    def _ensure_kinds(self) -> Dict[str, str]:
        if self._kinds is None:
            self._index_text(self._text_now())
        return self._kinds

    # -- imports of this module --------------------------------------------------------------------
    def resolve_module(self, dotted: str, level: int) -> Optional["ModuleEntry"]:
        key = (self.root, self.parts if level else (), self.is_package, dotted, level)
        cache = self.project._resolved
        if key in cache:
            return cache[key]
        found = cache[key] = self._resolve_module(dotted, level)
        return found

    def _resolve_module(self, dotted: str, level: int) -> Optional["ModuleEntry"]:
        parts = tuple(p for p in dotted.split(".") if p)
        if level:
            package = self.parts if self.is_package else self.parts[:-1]
            if level - 1 > len(package):
                return None
            base = package[:len(package) - (level - 1)]
            return self.project.find_module(base + parts, (self.root,))
        if not parts or parts[0] in _LIBRARY_TOPS:
            return None
        return self.project.find_module(parts, self.project.roots(self.root))

    def base_class(self, qualname: str, attr: Optional[str] = None) -> Optional[Value]:
        """What an import binding names when it is used as a base class (``attr`` read from it for
        ``base.BaseClient``): as ``import_value``, but a class whose body makes a client is parsed
        (it may keep one on ``self`` for its subclasses), which a plain use of the name never costs."""
        project = self.project
        outer, project.bases_wanted = project.bases_wanted, True
        try:
            value = self.import_value(qualname)
            if attr is not None and isinstance(value, Module):
                value = value.module.member(attr)
            return value
        finally:
            project.bases_wanted = outer

    def import_value(self, qualname: str) -> Optional[Value]:
        """What an import binding's qualname (``..pkg.mod.name``) resolves to in the project, or
        None when it names no module of the project."""
        stripped = qualname.lstrip(".")
        level = len(qualname) - len(stripped)
        parts = stripped.split(".") if stripped else []
        # The longest prefix that is a module; the rest are names read from it.
        for cut in range(len(parts), -1, -1):
            if cut == 0 and not level:
                return None
            target = self.resolve_module(".".join(parts[:cut]), level)
            if target is None:
                continue
            value: Value = Module(target)
            for name in parts[cut:]:
                value = value.module.member(name) if isinstance(value, Module) else UNKNOWN
            return value
        return UNKNOWN if level else None

    def imported(self, text: str, aliases: Optional[Dict[str, Tuple["ModuleEntry", str]]] = None
                 ) -> List[Tuple["ModuleEntry", Tuple[str, ...]]]:
        """The project modules a text imports, each with the names imported from it (from the text
        alone: the quick test of whether a file without a library import needs analysing)."""
        found: List[Tuple[ModuleEntry, Tuple[str, ...]]] = []
        if "import" not in text:
            return found
        for match in _FROM_IMPORT.finditer(text):
            if not _at_line_start(text, match.start()):
                continue
            dots, dotted, names = match.group(1), match.group(2), match.group(3)
            target = None if not dots and dotted.split(".")[0] in _LIBRARY_TOPS else \
                self.resolve_module(dotted, len(dots))
            if target is None:
                if aliases is not None and not dots and dotted:  # a library's (or an installed package's) name
                    for item in names.strip("()\\ \t").replace("\n", ",").split(","):
                        words = item.split()
                        if words and words[0].isidentifier():
                            self._library_names[words[-1] if len(words) == 3 and words[1] == "as" else words[0]] = \
                                f"{dotted}.{words[0]}"
                continue
            listed = []
            for item in names.strip("()\\ \t").replace("\n", ",").split(","):
                words = item.split()
                if words and (words[0].isidentifier() or words[0] == "*"):
                    listed.append(words[0])
                    if aliases is not None and words[0] != "*":
                        aliases[words[-1] if len(words) == 3 and words[1] == "as" else words[0]] = (target, words[0])
            found.append((target, tuple(listed)))
        for match in _PLAIN_IMPORT.finditer(text):
            if not _at_line_start(text, match.start()):
                continue
            for item in match.group(1).split(","):
                words = item.split()
                if words and words[0].split(".")[0] not in _LIBRARY_TOPS:
                    target = self.resolve_module(words[0], 0)
                    if target is not None:
                        found.append((target, ()))
                        if aliases is not None:  # ``import a.b`` is used as ``a.b.x``
                            aliases[words[2] if len(words) == 3 and words[1] == "as" else words[0]] = (target, "")
                        continue
                if aliases is not None and words and words[0].replace(".", "").isidentifier():
                    # a library's or an installed package's module: ``import a.b`` binds ``a``
                    if len(words) == 3 and words[1] == "as":
                        self._library_names[words[2]] = words[0]
                    else:
                        top = words[0].split(".")[0]
                        self._library_names[top] = top
        return found

    # -- what the module binds ------------------------------------------------------------------
    def member(self, name: str) -> Value:
        """``module.name``: what the module binds to ``name`` when it has run, or its submodule."""
        project = self.project
        self._fresh()  # a process that checks many files (flake8, an editor) sees the file as it is now
        known = self.exports.get(name)
        if known is not None and self.project.bases_wanted and self.model_if_loaded is None \
                and self._kinds is not None and self.holders(name):
            known = None  # asked before as a plain name (not parsed); now as a base class
        if known is not None:
            project._touch(self)
            project._replay(known[1])
            return known[0]
        key = (self.path, name)
        if key in project._active or project._hops >= MAX_HOPS:
            for frame in project._frames:
                frame.cycle = True
            return UNKNOWN
        project._active.add(key)
        project._hops += 1
        frame = _Frame()
        project._frames.append(frame)
        try:
            value = self._member(name)
        finally:
            project._frames.pop()
            project._active.discard(key)
            project._hops -= 1
        if not frame.cycle:
            self.exports[name] = (value, tuple(frame.deps))
        else:
            for outer in project._frames:
                outer.cycle = True
        return value

    def _member(self, name: str) -> Value:
        if "." in name:  # ``Config.VERIFY`` / ``Config().VERIFY``: an attribute of a class this module defines
            cls, attr = name.split(".", 1)
            return self._class_attribute(cls[:-2], attr, instance=True) if cls.endswith("()") else \
                self._class_attribute(cls, attr)
        if self.model_if_loaded is None:
            if self.kind(name) == "plain" and name in self._plain_classes \
                    and not (self.project.bases_wanted and self.holders(name)) and self.size <= MAX_DIRECT_BYTES:
                return ProjectClass(self, name)  # parsed only when an attribute of it is read
            if not self._worth_parsing(name):
                return UNKNOWN
            if self.kind(name) == "import":  # a re-export: read where it comes from, no parse here
                origin = self._imports_of(name)
                if origin is not None:
                    return origin[0].member(origin[1]) if origin[1] else Module(origin[0])
                if name in self._library_names:
                    return Ref(canonical(self._library_names[name]))
        model = self.model()
        if model is None:
            return UNKNOWN
        module_scope = model.index.module
        if name in module_scope.bindings:
            probe = self._probes.get(name)
            if probe is None:  # kept: the resolver remembers answers by the id of the node asked about
                probe = self._probes[name] = ast.Name(id=name, ctx=ast.Load(), lineno=_END_OF_MODULE,
                                                      col_offset=0)
            return self._localise(fresh_resolve(model.resolver, probe, module_scope))
        sub = self.project.find_module(self.parts + (name,), (self.root,)) if self.is_package else None
        if sub is not None:
            return Module(sub)
        for star in module_scope.star_imports:
            stripped = star.lstrip(".")
            target = self.resolve_module(stripped, len(star) - len(stripped))
            if target is not None:
                target_model = target.model()
                if target_model is not None and (name in target_model.index.module.bindings
                                                 or target_model.index.module.star_imports):
                    value = target.member(name)
                    if not isinstance(value, Unknown):
                        return value
            elif not (len(star) - len(stripped)):
                candidate = canonical(f"{star}.{name}")
                if candidate in FUNCTIONS or candidate in CONSTRUCTORS or candidate in CLIENT_TYPES:
                    return Ref(candidate)
        return UNKNOWN

    def _class_attribute(self, name: str, attr: str, instance: bool = False) -> Value:
        """``Config.VERIFY`` where ``class Config:`` is defined here: the class attribute, parsed only
        when the text assigns the name in an indented block. With ``instance`` (``Config().VERIFY``)
        what the methods store on ``self`` counts too, as for ``self.VERIFY`` in a method."""
        if not _assigned_indented(self._text_now(), attr):
            return UNKNOWN
        model = self.model()
        if model is None:
            return UNKNOWN
        bindings = model.index.module.bindings.get(name)
        if not bindings or len(bindings) != 1 or bindings[0].kind != "class":
            return UNKNOWN
        info = model.index.classes.get(bindings[0].node)
        if info is None:
            return UNKNOWN
        resolver = model.resolver
        with resolver.question_aside():
            value = resolver._self_attribute(info, attr, 1) if instance else \
                resolver._class_attribute(info, attr, 1) or UNKNOWN
        return self._localise(value)

    def _localise(self, value: Value) -> Value:
        """Say in which file a value was found: "VERIFY, line 9" becomes "myapp/http.py:9"."""
        if not value.via:
            return value
        steps = []
        for step in value.via:
            match = _VIA_LINE.match(step)
            steps.append(f"{self.rel}:{match.group(1)}" if match else step)
        clone = value.copy()
        clone.via = tuple(steps)
        return clone

    def network_exports(self, depth: int = 0) -> Tuple[str, ...]:
        """The module-level names of this module that are network values (see ``_network_value``):
        only for a module that imports a library itself, and only names bound by an import, by a
        call or by a class with bases (a module of a thousand functions costs nothing here)."""
        if self._network is None:
            self._network = ()  # a cycle back here finds none
            found: Tuple[str, ...] = ()
            if self.directly_relevant():
                model = self.model()
                if model is not None:
                    found = tuple(name for name, bindings in list(model.index.module.bindings.items())
                                  if _worth_a_look(bindings)
                                  and _network_value(self.member(name), depth, library_modules=False))
            self._network = found
        return self._network

    def name_network(self, name: str, depth: int) -> bool:
        """Is ``name`` of this module a network value? (text first, see ``needs_analysis``)"""
        known = self._names_network.get(name)
        if known is not None:
            self.project._touch(self)
            return known
        self._names_network[name] = False  # a cycle back here answers "no"
        found = False
        if depth <= 4:
            self.text_relevant()
            if self._direct:
                found = self._kind_as_written(name) != "literal" and _network_value(self.member(name), depth)
            else:
                origin = self._imports_of(name)
                if origin is not None:
                    found = origin[0].name_network(origin[1], depth + 1) if origin[1] else \
                        origin[0].module_network(depth + 1)
                elif self._kind_as_written(name) == "class" and self._client_class(name, 0):
                    # a subclass of a client class another module defines
                    found = _network_value(self.member(name), depth)
        self._names_network[name] = found
        return found

    def _worth_parsing(self, name: str) -> bool:
        """Whether a parse of this module can tell more about ``name`` than "unknown", judged from
        its text (parsing every module a big project imports would cost more than checking it):
        a module-level assignment (a constant, a setting, a client object), a class with bases (a
        client subclass) or a function that calls a client constructor (a factory), and any name of
        a module that imports a library under an ``if``/``try`` or by a name we cannot see. A plain
        function or class, or a name the text does not bind, stays unknown."""
        kinds = self._ensure_kinds()
        if self.size > (MAX_DIRECT_BYTES if self.text_relevant() else MAX_PLAIN_BYTES):
            return False  # a big module is rarely where settings or clients are kept: not parsed
        kind = self.kind(name)
        if kind is None:
            return "*" in kinds
        if self.project.bases_wanted and self.holders(name):
            return True  # a class that may keep a client on ``self``: parsed when named as a base
        if kind == "forward":  # may be a helper: only in a module that imports a library itself
            return self._direct
        if kind == "class":
            return self._client_class(name, 0)
        if kind == "assign" and name in self._assigned and \
                not any(self._may_make_network(value) for value in self._assigned[name]):
            # ``log = logging.getLogger(...)``: an opaque result no rule reads (unless the name is
            # also bound in an indented block, which the text index does not read)
            return _assigned_indented(self._text_now(), name)
        return kind != "plain"

    def _may_make_network(self, value: str) -> bool:
        """Can the right-hand side ``value`` of a module-level assignment matter to another module?
        Only a call is judged (a constant or an alias is always read): the call of a builtin other
        than ``dict``/``bool``, of a name imported from outside the project and the libraries, or of
        a plain class or function gives an opaque result, never a value the rules read; other calls
        are judged as ``_worth_parsing`` judges a name."""
        called = _CALLED_NAME.match(value)
        if called is None:
            return True
        top = called.group(1)
        kind = self.kind(top)
        if kind == "import":
            origin = self._imports_of(top)
            if origin is not None:  # as the quick test for files judges it (see ``needs_analysis``)
                return origin[0].name_network(origin[1], 1) if origin[1] else origin[0].module_network(1)
            library = self._library_names.get(top)
            return library is None or library.split(".")[0] in _VALUE_MODULES
        if kind is None:
            return "*" in self._ensure_kinds() or top not in _OPAQUE_BUILTINS
        if kind == "class":
            return self._client_class(top, 0)
        return kind != "plain"

    def _client_class(self, name: str, depth: int) -> bool:
        """Can the class be a client subclass? A base names a client class of a library, or a class
        of the project that can (by text, a few steps deep)."""
        if any(written.rsplit(".", 1)[-1] in _CLIENT_WORDS for written in self._bases.get(name, ())):
            return True
        return depth <= 4 and any(module._kind_as_written(base) == "class" and module._client_class(base, depth + 1)
                                  for module, base in self._base_classes(name))

    def _index_text(self, text: str) -> None:
        text = "\n" + text
        kinds: Dict[str, str] = {}
        self._bases = {}
        self._plain_classes = set()
        self._holders = {}
        self._client_methods = {}
        self._spans = {}
        self._class_spans = {}
        self._assigned = {}
        tops = list(_TOP_LEVEL.finditer(text))
        for i, match in enumerate(tops):
            keyword, name, bases = match.group(1), match.group(2), match.group(3)
            # offsets in the text without the newline put in front
            span = (match.end() - 1, (tops[i + 1].start() if i + 1 < len(tops) else len(text)) - 1)
            if keyword == "class":
                kind = "class" if bases and bases.strip() not in ("", "object") else "plain"
                if kind == "plain":
                    self._plain_classes.add(name)
                if kind == "class":
                    self._bases[name] = tuple(re.findall(r"[\w.]+", bases))
                self._class_spans[name] = span
            else:  # a factory, a forwarding helper or a plain function: told apart when asked (``kind``)
                self._spans.setdefault(name, []).append((bases or "", span[0], span[1]))
                kind = "function"
            if kinds.get(name) in (None, "plain", "function"):
                kinds[name] = kind
        for name, value in _ASSIGNED.findall(text):
            # ``x = Client(...)`` or ``get = requests.get`` may be a network value; a literal cannot
            kinds[name] = "assign" if kinds.get(name) == "assign" or _CALL_OR_NAME.match(value) else "literal"
            self._assigned.setdefault(name, []).append(value)
        for word in _WORD.findall(_import_lines(text)):
            kinds[word] = "import"
        self._kinds = kinds

    def kind(self, name: str) -> Optional[str]:
        """What binds ``name`` at module level, from the text: "import", "class" (with bases),
        "plain" (a class without bases, or a function that neither makes a client nor forwards to
        a request), "factory" (a function that calls a client constructor), "forward" (a function
        that may pass its ``**kwargs`` or URL on), "assign", "literal", or None when the text binds
        no such name. Functions are told apart, and names assigned only in an indented block (under
        ``if`` or ``try``) found, when asked: most names a module binds are never asked about."""
        kinds = self._ensure_kinds()
        kind = kinds.get(name)
        if kind == "function":
            text = self._text_now()
            spans = self._spans.get(name, ())
            if any(_calls_constructor(text, start, end) for _, start, end in spans):
                kind = "factory"
            elif any(params and _forwards(params, text, start, end) for params, start, end in spans):
                kind = "forward"
            else:
                kind = "plain"
            kinds[name] = kind
        elif kind is None and name not in self._not_bound:
            if _assigned_indented(self._text_now(), name):
                kind = kinds[name] = "assign"
            else:
                self._not_bound.add(name)
        return kind

    def _kind_as_written(self, name: str) -> Optional[str]:
        """``kind`` without telling functions apart (their text is not read again): enough to know
        whether a name is a class or a literal."""
        return self._ensure_kinds().get(name)

    def holders(self, name: str, depth: int = 0) -> Optional[Set[str]]:
        """The attributes the methods of class ``name`` store a client in (``self.session =
        requests.Session()``), from the text; None for none (or no such class). A class that makes
        none inherits those of a base class that does (of this module or, imported by name, of
        another module of the project; a few steps deep)."""
        self._ensure_kinds()
        if name in self._holders:
            return self._holders[name]
        self._holders[name] = None  # a class hierarchy with a cycle keeps none
        found: Optional[Set[str]] = None
        span = self._class_spans.get(name)
        if span is not None:
            text = self._text_now()
            if _calls_constructor(text, *span):
                found = set(_SELF_CLIENT.findall(text, *span)) or None
            if found is None and depth < 4:
                for module, base in self._base_classes(name):
                    found = module.holders(base, depth + 1)
                    if found is not None:
                        break
        self._holders[name] = found
        return found

    def _base_classes(self, name: str) -> List[Tuple["ModuleEntry", str]]:
        """The base classes of class ``name`` the text names: (module, class) for a class of this
        module, one imported by name from another module of the project, or one read from an
        imported module of the project (``booru.BooruExtractor`` after ``from . import booru``)."""
        found = []
        for written in self._bases.get(name, ()):
            word = written.rsplit(".", 1)[-1]
            if word != written:
                origin = self._read_from_module(written)
                if origin is not None:
                    found.append(origin)
                    continue
            origin = self._imports_of(word)
            if origin is not None and origin[1]:
                found.append(origin)
            elif word != name and word in self._class_spans:
                found.append((self, word))
        return found

    def _read_from_module(self, written: str) -> Optional[Tuple["ModuleEntry", str]]:
        """(module, class) for a dotted base read from a module of the project this module imports
        (``from . import booru`` or ``import pkg.booru as booru``, then ``booru.BooruExtractor``)."""
        prefix, name = written.rsplit(".", 1)
        origin = self._imports_of(prefix)
        if origin is None:
            return None
        target = origin[0].submodule(origin[1]) if origin[1] else origin[0]
        return (target, name) if target is not None else None

    def client_methods(self, name: str) -> Set[str]:
        """The methods of class ``name`` that read an attribute it keeps a client in, or call such a
        method on ``self`` (from the text: each method's lines up to the next ``def`` of the class).
        A subclass that calls one may make a request through it (see wrappers.helper_point)."""
        found = self._client_methods.get(name)
        if found is not None:
            return found
        found = set()
        self._client_methods[name] = found  # a class hierarchy with a cycle adds nothing
        attributes = self.holders(name)
        span = self._class_spans.get(name)
        if attributes and span is not None:
            for module, base in self._base_classes(name):  # the methods it inherits
                if module.holders(base) is not None:
                    found |= module.client_methods(base)
            text = self._text_now()
            bodies = {}
            starts = [(m.start(), m.group(1)) for m in _METHOD_DEF.finditer(text, *span)]
            for i, (start, method) in enumerate(starts):
                end = starts[i + 1][0] if i + 1 < len(starts) else span[1]
                bodies[method] = text[start:end]
            used = set(attributes) | found
            while True:
                spelled = re.compile(r"\bself\.(?:" + "|".join(sorted(used)) + r")\b")
                more = {m for m, body in bodies.items() if m not in found and spelled.search(body)}
                if not more:
                    break
                found |= more
                used |= more
        return found

    def may_offer_network(self) -> bool:
        """Cheap first answer for a module used whole: it imports a library, or a name from the
        project (which may be a network value)."""
        self.text_relevant()
        return self._direct or any(names and "*" not in names for _, names in self._import_table())

    def submodule(self, name: str) -> Optional["ModuleEntry"]:
        """``from pkg import name`` names a submodule (when the package does not import that name)."""
        if not self.is_package:
            return None
        self._import_table()
        if name in self._aliases:
            return None
        return self.project.find_module(self.parts + (name,), (self.root,))

    def module_network(self, depth: int) -> bool:
        """Does this module, used as a whole (``import pkg.mod``, ``from pkg import mod``), offer a
        network value? Only a module that imports a library itself is looked at: following every
        module a module imports would make nearly every module of a big project count."""
        self.text_relevant()
        return self._direct and bool(self.network_exports(depth))

    def _import_table(self) -> List[Tuple["ModuleEntry", Tuple[str, ...]]]:
        if self._imports is None:
            self._imports = []
            self._imports = self.imported(self._text_now(), aliases=self._aliases)
        return self._imports

    def _imports_of(self, name: str) -> Optional[Tuple["ModuleEntry", str]]:
        """Where this module imports ``name`` from (``from x import a as name`` -> (x, "a")), by text;
        ``import x as name`` gives (x, "")."""
        self._import_table()
        return self._aliases.get(name)

    def directly_relevant(self) -> bool:
        self.text_relevant()
        return bool(self._direct)

    # -- hooks the analysis calls ------------------------------------------------------------------
    def star_value(self, star: str, name: str) -> Optional[Value]:
        """``from .settings import *`` then ``name``: what the starred module binds, when it is a
        module of the project that binds the name."""
        stripped = star.lstrip(".")
        level = len(star) - len(stripped)
        if not level and stripped.split(".")[0] in _LIBRARY_TOPS:
            return None
        target = self.resolve_module(stripped, level)
        if target is None:
            return UNKNOWN if level else None
        return target.member(name)

    def resolve_in(self, module_scope, expr: ast.AST, scope) -> Value:
        """An expression of another module, resolved by that module's own resolver."""
        owner = self.project.owner(module_scope)
        model = owner.model_if_loaded if owner is not None else None
        if model is None:
            return UNKNOWN
        return fresh_resolve(model.resolver, expr, scope)

    def _foreign(self, scope) -> Optional["ModuleEntry"]:
        module_scope = scope.module()
        if self.model_if_loaded is not None and module_scope is self.model_if_loaded.index.module:
            return None
        return self.project.owner(module_scope)

    def _configured_clients(self):
        model = self.model_if_loaded
        if model is not None:
            model.configure_clients()
        return model.clients if model is not None else None

    def client_of(self, clients, value: Value, depth: int):
        """The client object a value from another module refers to, seen from this module: a view
        whose base is the object that module made (and configured), so statements here add to the
        view and never to the other module's object. ``_NOT_FOREIGN`` for a value of this module."""
        if isinstance(value, CallResult):
            owner = self._foreign(value.scope)
            if owner is not None:
                theirs = owner._configured_clients()
                return _view(clients, theirs.of(value, depth) if theirs is not None else None)
            callee = value.callee
            if isinstance(callee, LocalClass):
                owner = self._foreign(callee.info.scope)
                if owner is None:
                    return _NOT_FOREIGN
                theirs = owner._configured_clients()
                if theirs is None:
                    return None
                client_type = theirs.class_type(callee.info)
                if client_type is None:
                    return None
                base = theirs._class_object(callee.info, client_type)
                return clients._made(value.call, value.scope, client_type, clients._constructor_of(client_type), base)
            if isinstance(callee, LocalFunction):
                owner = self._foreign(callee.scope)
                if owner is not None:
                    theirs = owner._configured_clients()
                    return _view(clients, theirs._factory(callee, depth) if theirs is not None else None)
            return _NOT_FOREIGN
        if isinstance(value, SelfRef):
            owner = self._foreign(value.info.scope)
            if owner is not None:
                theirs = owner._configured_clients()
                return _view(clients, theirs.of(value, depth) if theirs is not None else None)
        return _NOT_FOREIGN

    def foreign_weakening(self, client, effect: str) -> Optional[str]:
        """When a client used here was made or configured in another module of the project in a way
        that switches off a TLS protection: what and where ("verify = False via myapp/http.py:5")."""
        seen = 0
        current = client
        while current is not None and seen < 8:
            seen += 1
            owner = self._foreign(current.scope)
            if owner is not None and owner.model_if_loaded is not None:
                nodes = {id(current.origin)} | {id(config.node) for config in current.configs}
                for weakening in owner.weakenings(effect):
                    if id(weakening.node) in nodes:
                        setting = weakening.setting.split(" via ", 1)[0]
                        return f"client {setting} via {owner.rel}:{weakening.node.lineno}"
            current = current.base
        return None

    # -- arguments passed by other modules ------------------------------------------------------------
    def arguments_elsewhere(self, expr: ast.AST, scope) -> List[Value]:
        """``expr`` is a parameter without a default of a module-level function of this module: the
        values calls in other modules of the project pass for it, each named by where it is passed
        ("argument of call(), myapp/jobs.py:40"). Empty when none is found (or the project is too big
        to look through)."""
        if type(expr) is not ast.Name:
            return []
        bindings = scope.lookup(expr.id)
        if bindings is None or len(bindings) != 1 or bindings[0].kind != "param" or bindings[0].value is not None:
            return []
        function_scope = bindings[0].scope
        function = function_scope.node
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function_scope.parent is None \
                or function_scope.parent.kind != "module":
            return []
        owner = self.project.owner(function_scope.parent)
        if owner is not None and owner is not self:
            return []  # a function of another module (a helper's own keywords): not this module's
        arg = bindings[0].node
        position = parameter_position(function, arg)
        if position is None:
            return []
        found: List[Value] = []
        for call, call_scope, other in self.callers_elsewhere(function.name):
            passed = passed_parameter(call, arg, position)
            if passed is NOT_PASSED:
                continue
            step = f"argument of {function.name}(), {other.rel}:{call.lineno}"
            if passed is None:
                found.append(UNKNOWN.through(step))
                continue
            model = other.model_if_loaded or other.model()
            if model is None:
                continue
            found.append(other._localise(fresh_resolve(model.resolver, passed, call_scope)).through(step))
        return found

    def callers_elsewhere(self, name: str) -> List[Tuple[ast.Call, object, "ModuleEntry"]]:
        """The calls of this module's function ``name`` in the other modules of the project, found
        through their imports (``from .checks import probe``, ``import myapp.checks as c`` then
        ``c.probe(...)``, re-exports through ``__init__``); more than MAX_CALLERS: none."""
        known = self._callers.get(name)
        if known is not None:
            self.project._replay(known[1])  # every module looked at is a dependency of the answer
            return known[0]
        self._callers[name] = ([], ())  # a cycle back here finds none
        found: List[Tuple[ast.Call, object, ModuleEntry]] = []
        seen: List[str] = []
        for path in self.project.files_of(self) or ():
            other = self.project.entry(path)
            if other is None or other.path == self.path:
                continue
            seen.append(other.path)  # any module may call it: editing one can change the answer
            local = other._names_for(self, name)
            if not local or other.size > MAX_DIRECT_BYTES:
                continue
            model = other.model()
            if model is None:
                continue
            for call, call_scope in model.index.calls:
                if _calls_through(call, call_scope, local, name):
                    found.append((call, call_scope, other))
            if len(found) > MAX_CALLERS:
                found = []
                break
        self._callers[name] = (found, tuple(seen))
        self.project._replay(seen)
        return found

    def _names_for(self, target: "ModuleEntry", name: str) -> Dict[str, str]:
        """The names this module reads ``target``'s ``name`` through, from its import lines: a
        local name bound to the function ("function"), or to the module ("module")."""
        self._import_table()
        local: Dict[str, str] = {}
        for alias, (origin, original) in list(self._aliases.items()):
            if not original:
                if origin is target:
                    local[alias] = "module"
                continue
            if original == name and _reexports(origin, target, name):
                local[alias] = "function"
            elif origin.is_package and origin.submodule(original) is target:
                local[alias] = "module"
        return local

    def weakenings(self, effect: str) -> list:
        found = self._weakenings.get(effect)
        if found is None:
            from .tls import weakenings

            found = self._weakenings[effect] = []  # a cycle back here finds none
            found = self._weakenings[effect] = weakenings(self.model_if_loaded, effect)
        return found


def _reexports(origin: ModuleEntry, target: ModuleEntry, name: str) -> bool:
    """Is ``origin.name`` the function ``name`` of ``target`` (itself, or imported from it through a
    few re-exports)?"""
    for _ in range(8):
        if origin is target:
            return True
        step = origin._imports_of(name)
        if step is None or step[1] != name:
            return False
        origin = step[0]
    return False


def _calls_through(call: ast.Call, scope, local: Dict[str, str], function: str) -> bool:
    """A call of ``function`` through a name bound only by the import (not rebound in the scope)."""
    func = call.func
    if type(func) is ast.Name:
        kind, name = local.get(func.id), func.id
        if kind != "function":
            return False
    elif type(func) is ast.Attribute and type(func.value) is ast.Name and func.attr == function:
        kind, name = local.get(func.value.id), func.value.id
        if kind != "module":
            return False
    else:
        return False
    bindings = scope.lookup(name)
    return bindings is not None and len(bindings) == 1 and bindings[0].kind == "import"


def foreign_class_object(clients, info):
    """For a class of this module whose base class (a client class) is defined in another module of
    the project: the object that module made for that class, with its configuration (``self.verify
    = False`` in its ``__init__``); None otherwise."""
    resolver = clients.resolver
    context = resolver.project
    if context is None:
        return None
    for klass in resolver._hierarchy(info)[1:]:
        owner = context._foreign(klass.scope)
        if owner is None:
            continue
        theirs = owner._configured_clients()
        client_type = theirs.class_type(klass) if theirs is not None else None
        if client_type is not None:
            return theirs._class_object(klass, client_type)
    return None


def _view(clients, theirs):
    if theirs is None:
        return None
    return clients._made(theirs.origin, theirs.scope, theirs.type, theirs.constructor, theirs)


def client_of(resolver: Resolver, clients, value: Value, depth: int):
    context = resolver.project
    if context is None or not resolver.foreign:
        return _NOT_FOREIGN
    return context.client_of(clients, value, depth)


NOT_FOREIGN = _NOT_FOREIGN


# -- what the engine calls -----------------------------------------------------------------------------
def configured_roots(settings) -> Tuple[str, ...]:
    """The ``src`` setting as absolute folders, read as ruff reads its ``src``: relative to the folder
    of the pyproject.toml the settings come from, else to the working directory; ``~`` and
    environment variables expanded; a glob pattern (``packages/*``) stands for the folders it
    matches, in name order (none when it matches none)."""
    folders = settings["src"]
    if not folders:
        return ()
    source = getattr(settings, "source", "")
    base = os.path.dirname(os.path.abspath(source)) if source else os.getcwd()
    roots: List[str] = []
    for folder in folders:
        path = os.path.normpath(os.path.join(base, os.path.expandvars(os.path.expanduser(folder))))
        matched = sorted(p for p in glob.glob(path) if os.path.isdir(p)) if any(c in path for c in "*?[") else [path]
        roots.extend(p for p in matched if p not in roots)
    return tuple(roots)


def configure(settings) -> None:
    """Use the configured roots of ``settings`` (a file checked under other roots than the one before
    it starts from a fresh project: every import may resolve differently)."""
    roots = configured_roots(settings)
    if project().src != roots:
        reset()
        project().src = roots


def begin_file(path: str, hashing: bool = True) -> Optional[ModuleEntry]:
    """Start checking a file: its entry in the project (None for a path that is no module file).
    Without ``hashing`` (no cache will keep the result) the modules read are not hashed."""
    current = project()
    current.hashing = hashing
    current.begin_file()
    return current.entry(path) if path not in ("", "-", "stdin") else None


def end_file(entry: Optional[ModuleEntry], keep_bytes: int = MAX_MODEL_BYTES) -> Dict[str, str]:
    """The other modules read while checking the file (path -> content hash). Parsed modules are kept
    for the next files up to ``keep_bytes`` of their source."""
    reads = project().end_file(keep_bytes)
    if entry is not None:
        reads.pop(entry.path, None)
    return reads


# -- the quick test for files that import no library ------------------------------------------------
def needs_analysis(text: str, path: str) -> bool:
    """A file that imports no library in scope can still call a client or function that another
    module of the project makes. True when a name it uses from the project is such a thing (a
    client object, a client class or factory, a request function or library module re-exported).

    Decided from the text of the modules on the way: only a module that imports a library itself is
    parsed, and only when a name used leads to it (through re-exports, or through a module that
    builds on a name it imports from such a module). A module imported whole counts by the names the
    file reads from it (``http.session``). Most files cost a scan of their imports."""
    entry = project().entry(path)
    if entry is None:
        return False
    aliases: Dict[str, Tuple[ModuleEntry, str]] = {}
    for target, names in entry.imported(text, aliases=aliases):
        if "*" in names and target.module_network(0):
            return True
    bases = _class_bases(text)
    for local, (target, original) in aliases.items():
        module = target if not original else target.submodule(original)
        if module is None:
            if target.name_network(original, 0) or _subclasses_holder(text, bases, local, target, original):
                return True
            continue
        if not module.may_offer_network():
            continue
        attributes = _attributes_read(text, local)
        if any(module.name_network(attribute, 0)
               or _subclasses_holder(text, bases, f"{local}.{attribute}", module, attribute)
               for attribute in attributes):
            return True
    return False


def _class_bases(text: str) -> str:
    """The base lists of the text's class statements, one per line (``class A(b.C, D):`` gives
    ``b.C, D``): where a file can subclass a name it imports."""
    return "\n".join(_CLASS_BASES.findall("\n" + text)) if "class" in text else ""


def _attributes_read(text: str, name: str) -> Set[str]:
    """The attributes read from ``name`` in the text (``http.session`` gives "session")."""
    found: Set[str] = set()
    spelled = name + "."
    at = text.find(spelled)
    while at >= 0:
        end = at + len(spelled)
        if not (at and (text[at - 1].isalnum() or text[at - 1] in "_.")):
            attribute = _WORD_AT.match(text, end)
            if attribute is not None:
                found.add(attribute.group(0))
        at = text.find(spelled, end)
    return found


def _names_word(text: str, word: str) -> bool:
    """Does ``word`` (a name or a dotted name) occur in ``text`` not as part of a longer one?"""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "_.")) and \
                (end == len(text) or not (text[end].isalnum() or text[end] in "_.")):
            return True
        at = text.find(word, end)
    return False


def _subclasses_holder(text: str, bases: str, spelled: str, target: ModuleEntry, name: str) -> bool:
    """Does the text subclass ``name`` of ``target`` (spelled ``spelled`` here), a class whose body
    makes a client (``self.session = requests.Session()``) that the subclass may use? ``bases`` are
    the text's base lists (``_class_bases``): a name no class statement names costs no look-up."""
    if not _names_word(bases, spelled):
        return False
    attributes = target.holders(name)
    if attributes is None:
        origin = target._imports_of(name)  # re-exported through an __init__
        if origin is None or not origin[1]:
            return False
        target, name = origin
        attributes = target.holders(name)
        if attributes is None:
            return False
    # the subclass uses one of the attributes the base class keeps a client in, or calls one of its
    # methods that reads such an attribute (``self.fetch(url, params=...)``: a helper it inherits),
    # itself or through an object it hands its instance to (``self.site.fetch(...)``)
    if re.search(r"\bself\.(?:" + "|".join(sorted(attributes)) + r")\b", text) is not None:
        return True
    methods = target.client_methods(name)
    return bool(methods) and re.search(r"\w\.(?:" + "|".join(sorted(methods)) + r")\(", text) is not None


def _network_value(value: Value, depth: int, library_modules: bool = True) -> bool:
    """Can this value make, be or configure a connection where it is used? A library module counts
    when imported by name (``from .compat import ssl``), not as an attribute of a module that
    happens to import it (``text.urllib``)."""
    if isinstance(value, Ref):
        name = value.qualname
        return name in FUNCTIONS or name in CONSTRUCTORS or name in CLIENT_TYPES or \
            (library_modules and name in _LIBRARY_MODULES)
    if isinstance(value, Module):
        return False  # judged by the names read from it (see needs_analysis)
    if isinstance(value, Partial):
        return _network_value(value.func, depth + 1)
    if isinstance(value, (CallResult, SelfRef, LocalClass, LocalFunction)):
        scope = value.scope if isinstance(value, (CallResult, LocalFunction)) else value.info.scope
        owner = project().owner(scope.module())
        clients = owner.model_if_loaded.clients if owner is not None and owner.model_if_loaded else None
        if clients is None:
            return False
        if isinstance(value, LocalClass):
            return clients.class_type(value.info) is not None
        if isinstance(value, LocalFunction):
            if clients._factory(value, 0) is not None:
                return True
            from .wrappers import helper_of  # a helper that forwards a URL or **kwargs to a request

            return value.scope.parent is not None and value.scope.parent.kind == "module" \
                and helper_of(owner.model_if_loaded, value.node) is not None
        return clients.of(value) is not None
    return False


_LIBRARY_MODULES = frozenset(MODULES)


def _worth_a_look(bindings) -> bool:
    binding = bindings[-1]
    if binding.kind == "import":
        return True
    if binding.kind == "assign":
        return isinstance(binding.value, ast.Call)
    return binding.kind == "class" and bool(binding.node.bases)


# -- what other rules may read of the modules a module imports -------------------------------------------
def imported_request_models(entry: Optional[ModuleEntry]) -> List[Tuple[ModuleEntry, object]]:
    """The models of the project modules ``entry`` imports (``from .client import X``, ``import
    myapp.client``) that import a library themselves, so can make requests, within the size the
    project layer reads for importers (``MAX_DIRECT_BYTES``). Each is read and modelled once per
    process like any dependency, and recorded as one of the file's dependencies (the cache entry of
    the file is invalidated when it changes). Nothing else of the project is read."""
    if entry is None:
        return []
    found: List[Tuple[ModuleEntry, object]] = []
    seen: Set[str] = {entry.path}
    targets: List[ModuleEntry] = []
    for target, names in entry._import_table():
        targets.append(target)
        targets.extend(sub for sub in (target.submodule(name) for name in names if name != "*") if sub is not None)
    for target in targets:  # ``from myapp import client`` names the submodule
        if target.path in seen:
            continue
        seen.add(target.path)
        if not target.directly_relevant() or target.size > MAX_DIRECT_BYTES:
            continue
        model = target.model()
        if model is not None:
            found.append((target, model))
    return found


def imported_function(entry: Optional[ModuleEntry], name: str):
    """``(model, function scope)`` of the module-level function ``name`` that the module of ``entry``
    imports from a module of the project (``from .auth import signed_query``), following re-exports
    a few steps; None otherwise. The module is parsed on demand within the sizes the project layer
    reads for importers, and recorded as a dependency. Asked only where a request's query or body is
    the result of such a call, to read the keys the function returns."""
    if entry is None:
        return None
    for _ in range(4):
        origin = entry._imports_of(name)
        if origin is None or not origin[1]:
            return None
        entry, name = origin
        limit = MAX_DIRECT_BYTES if entry.text_relevant() else MAX_PLAIN_BYTES
        if entry.size > limit or entry.kind(name) not in ("plain", "factory", "forward", "import"):
            return None
        if entry.kind(name) == "import":
            continue  # a re-export: look where it comes from
        model = entry.model()
        if model is None:
            return None
        bindings = model.index.module.bindings.get(name)
        if not bindings or len(bindings) != 1 or bindings[0].kind != "def":
            return None
        scope = model.index.functions.get(bindings[0].node)
        return (model, scope) if scope is not None else None
    return None
