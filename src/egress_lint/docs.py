"""Rule documentation rendered from the catalogue: `egress-lint explain` and docs/rules/ share it.

`python -m egress_lint.docs` rewrites docs/rules/; the test suite fails when they drift.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, Type

from .catalogue import RULES
from .rule import Rule


def render_rule(rule: Type[Rule]) -> str:
    parts = [
        f"# {rule.code} {rule.slug}\n",
        f"{rule.summary}.\n",
        f"- Family: {rule.family}\n- Severity: {rule.severity.value}\n"
        f"- CWE: {', '.join(f'CWE-{n}' for n in rule.cwe)}\n- Hint: {rule.hint}\n",
    ]
    for heading, body in rule.doc_sections():
        parts.append(f"## {heading}\n\n{body}\n")
    return "\n".join(parts)


def render_index() -> str:
    lines = ["# Rules\n", "| code | name | family | severity | summary |", "|---|---|---|---|---|"]
    for rule in RULES:
        lines.append(f"| [{rule.code}]({rule.code}.md) | {rule.slug} | {rule.family} | {rule.severity.value} | "
                     f"{rule.summary} |")
    return "\n".join(lines) + "\n"


def pages() -> Dict[str, str]:
    rendered = {f"{rule.code}.md": render_rule(rule) for rule in RULES}
    rendered["README.md"] = render_index()
    return rendered


def main(argv=None) -> int:
    target = Path(argv[0] if argv else "docs/rules")
    target.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (target / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(pages())} pages to {target}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
