"""The Rule base class: one subclass per code, carrying its docs, examples and check."""
from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator, Optional, Tuple

from .diagnostics import Fix, Severity

if TYPE_CHECKING:  # pragma: no cover
    from .analysis.model import SemanticModel
    from .config import Settings


@dataclass(frozen=True)
class Valid:
    """Code the rule must not report. It runs as a test and is rendered into the docs."""

    code: str

    @property
    def source(self) -> str:
        return textwrap.dedent(self.code).strip("\n") + "\n"


@dataclass(frozen=True)
class Invalid:
    """Code the rule must report, on every line preceded by a ``# ruleid: CODE`` annotation.

    ``fixed`` is what `egress-lint fix --unsafe-fixes` makes of it, for rules that have a fix; it runs
    as a test and is shown in the docs.
    """

    code: str
    fixed: Optional[str] = None

    @property
    def source(self) -> str:
        return textwrap.dedent(self.code).strip("\n") + "\n"

    @property
    def fixed_source(self) -> Optional[str]:
        return None if self.fixed is None else textwrap.dedent(self.fixed).strip("\n") + "\n"


@dataclass(frozen=True)
class Finding:
    """What a rule reports before the engine adds the path, hint and severity."""

    line: int
    col: int  # 0-based, in UTF-8 bytes as ast gives it
    end_line: int
    end_col: int
    message: str
    fix: Optional[Fix] = None
    hint: str = ""  # the library's own remedy (a DSN option, not an HTTP keyword); empty: the rule's hint


class Rule:
    code: ClassVar[str]
    slug: ClassVar[str]
    family: ClassVar[str]  # tls-verify | cleartext | auth
    severity: ClassVar[Severity] = Severity.ERROR
    cwe: ClassVar[Tuple[int, ...]]
    asvs: ClassVar[Tuple[str, ...]] = ("V9.2.3",)
    summary: ClassVar[str]  # one line, for `egress-lint rules`
    hint: ClassVar[str]  # the one-line remediation shown after every finding
    what: ClassVar[str]
    why: ClassVar[str]
    fix_safety: ClassVar[str] = "This rule has no automatic fix."
    references: ClassVar[Tuple[str, ...]] = ()
    precheck: ClassVar[Tuple[str, ...]] = ()  # words that, besides the library names, make a file worth parsing
    options: ClassVar[Tuple[str, ...]] = ()  # keys of the settings this rule reads
    precision: ClassVar[str] = "high"
    weakens_tls: ClassVar[bool] = False  # a finding means the connection's TLS does not authenticate the server
    security_severity: ClassVar[float] = 7.5  # 0-10, the score code-scanning services rank alerts by
    VALID: ClassVar[Tuple[Valid, ...]] = ()
    INVALID: ClassVar[Tuple[Invalid, ...]] = ()

    def __init__(self, settings: "Settings") -> None:
        self.settings = settings

    def check(self, model: "SemanticModel") -> Iterable[Finding]:
        raise NotImplementedError

    def report(self, node: ast.AST, message: str, fix: Optional[Fix] = None, hint: str = "") -> Finding:
        return Finding(
            line=node.lineno,
            col=node.col_offset,
            end_line=getattr(node, "end_lineno", None) or node.lineno,
            end_col=getattr(node, "end_col_offset", None) or node.col_offset,
            message=message,
            fix=fix,
            hint=hint,
        )

    @classmethod
    def doc_sections(cls) -> Iterator[Tuple[str, str]]:
        """The rule's documentation, in the fixed order every rule page uses."""
        yield "What it does", cls.what.strip()
        yield "Why is this bad?", cls.why.strip()
        if cls.INVALID:
            yield "Example", _code_block(cls.INVALID[0].source)
        if cls.VALID:
            yield "Use instead", _code_block(cls.VALID[0].source)
        yield "Fix safety", cls.fix_safety.strip() + _fix_example(cls.INVALID)
        yield "Options", ", ".join(f"`{key}`" for key in cls.options) if cls.options else "None."
        references = [f"- CWE-{n}: https://cwe.mitre.org/data/definitions/{n}.html" for n in cls.cwe]
        references += [f"- OWASP ASVS 4.0 {item}" for item in cls.asvs]
        references += [f"- {ref}" for ref in cls.references]
        yield "References", "\n".join(references)


def _fix_example(examples: Tuple[Invalid, ...]) -> str:
    example = next((e for e in examples if e.fixed is not None), None)
    if example is None:
        return ""
    return (f"\n\n`egress-lint fix` (with `--unsafe-fixes` for an unsafe fix) turns\n\n{_code_block(example.source)}\n\n"
            f"into\n\n{_code_block(example.fixed_source)}")


def _code_block(source: str) -> str:
    lines = [line for line in source.splitlines() if not _is_annotation(line)]
    return "```python\n" + "\n".join(lines) + "\n```"


def _is_annotation(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith(("# ruleid:", "# ok:", "# todoruleid:", "# todook:"))
