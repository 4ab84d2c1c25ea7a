"""Compare the engine with the Semgrep rules in rules/ over the annotated fixtures.

`python -m egress_lint.parity` runs both over tests/fixtures/ and prints, per code, the lines where
they disagree. Every disagreement must be a documented gap: the table between the
``parity-gaps`` markers in rules/README.md is the one list of them, read by this module, by the
test suite and by people. Exit status: 0 when the disagreements are exactly the documented gaps,
1 otherwise, 2 when Semgrep cannot run.

Only codes that have both a Semgrep rule and a fixture are compared, so a family whose Semgrep
rules are still to come does not show up as a wall of misses.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from .config import Settings
from .engine import check_source

ENGINE = "engine"
SEMGREP = "semgrep"
_REPORTERS = {"engine only": ENGINE, "semgrep only": SEMGREP}
_RULE_FILE = re.compile(r"^(egr\d{3})-[a-z0-9-]+\.yaml$")
_GAPS_BEGIN = "<!-- parity-gaps:begin -->"
_GAPS_END = "<!-- parity-gaps:end -->"

Finding = Tuple[str, int, str]  # (fixture file name, line, code)


@dataclass(frozen=True, order=True)
class Disagreement:
    code: str
    fixture: str  # file name inside the fixtures folder
    statement: str  # the reported line, stripped: gaps survive line shifts in the fixture
    reporter: str  # who reports the line alone: ENGINE or SEMGREP
    line: int = 0  # where it is today; not part of a documented gap

    @property
    def key(self) -> Tuple[str, str, str, str]:
        return (self.code, self.fixture, self.statement, self.reporter)


def rule_codes(rules_dir: Path) -> Set[str]:
    """Codes that have a Semgrep rule, read from the file names (egrNNN-<slug>.yaml)."""
    return {m.group(1).upper() for p in rules_dir.rglob("*.yaml") if (m := _RULE_FILE.match(p.name))}


def fixture_files(fixtures_dir: Path, codes: Iterable[str]) -> List[Path]:
    return sorted(p for code in codes if (p := fixtures_dir / f"{code}.py").is_file())


def semgrep_command(rules_dir: Path, targets: Sequence[Path], executable: str = "semgrep") -> List[str]:
    # --strict turns a rule that does not load (schema or pattern error) into an error in the JSON.
    # Semgrep gives up on a rule after 5 s per file by default; the taint rules take a few seconds on the
    # largest fixtures when the machine is busy, so the limit is raised rather than lost as a flaky error.
    return [executable, "scan", "--config", str(rules_dir), "--json", "--strict", "--metrics=off",
            "--disable-version-check", "--quiet", "--timeout", "60", *map(str, targets)]


def run_semgrep(rules_dir: Path, targets: Sequence[Path], executable: str = "semgrep") -> dict:
    """Semgrep's JSON report. Targets are named one by one, so its default ignores of tests/ do not apply."""
    done = subprocess.run(semgrep_command(rules_dir, targets, executable), capture_output=True, text=True)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"semgrep failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}") from None


def semgrep_findings(report: dict) -> Set[Finding]:
    if report.get("errors"):
        raise RuntimeError(f"semgrep reported errors: {report['errors']}")
    return {(Path(r["path"]).name, r["start"]["line"], r["extra"]["metadata"]["egress-lint-code"])
            for r in report["results"]}


def engine_findings(targets: Sequence[Path]) -> Set[Finding]:
    found: Set[Finding] = set()
    for path in targets:
        result = check_source(path.read_bytes(), str(path), Settings())
        if result.error is not None:
            raise RuntimeError(f"{path}: {result.error}")
        found.update((path.name, d.line, d.code) for d in result.diagnostics)
    return found


def disagreements(engine: Set[Finding], semgrep: Set[Finding], codes: Set[str],
                  sources: Dict[str, List[str]]) -> List[Disagreement]:
    """Lines one side reports and the other does not, for the compared codes only."""
    out = []
    for reporter, alone in ((ENGINE, engine - semgrep), (SEMGREP, semgrep - engine)):
        for fixture, line, code in alone:
            if code in codes:
                statement = sources[fixture][line - 1].strip()
                out.append(Disagreement(code, fixture, statement, reporter, line))
    return sorted(out, key=lambda d: (d.code, d.fixture, d.line, d.reporter))


def documented_gaps(readme: Path) -> List[Disagreement]:
    """The rows of the gap table in rules/README.md."""
    text = readme.read_text(encoding="utf-8")
    body = text[text.index(_GAPS_BEGIN) + len(_GAPS_BEGIN):text.index(_GAPS_END)]
    gaps = []
    for row in body.splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if len(cells) < 4 or not cells[0].startswith("EGR"):
            continue  # the header and its rule
        code, fixture, statement, reporter = cells[:4]
        gaps.append(Disagreement(code, fixture.strip("`"), statement.strip("`"), _REPORTERS[reporter]))
    return sorted(gaps)


def unexplained(found: List[Disagreement], gaps: List[Disagreement]) -> Tuple[List[Disagreement], List[Disagreement]]:
    """(disagreements no gap documents, documented gaps that no longer occur).

    Counted as multisets: a second identical statement that disagrees needs a second row.
    """
    return _minus(found, gaps), _minus(gaps, found)


def _minus(items: List[Disagreement], other: List[Disagreement]) -> List[Disagreement]:
    left = Counter(d.key for d in other)
    out = []
    for item in items:
        if left[item.key]:
            left[item.key] -= 1
        else:
            out.append(item)
    return out


def compare(root: Path, report: dict) -> Tuple[List[Disagreement], List[Disagreement], List[Disagreement]]:
    """(disagreements, undocumented ones, stale gaps) for the checkout at ``root``, given Semgrep's report."""
    rules_dir, fixtures_dir = root / "rules", root / "tests" / "fixtures"
    codes = rule_codes(rules_dir)
    targets = fixture_files(fixtures_dir, codes)
    sources = {p.name: p.read_text(encoding="utf-8").splitlines() for p in targets}
    found = disagreements(engine_findings(targets), semgrep_findings(report), codes, sources)
    new, stale = unexplained(found, documented_gaps(rules_dir / "README.md"))
    return found, new, stale


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m egress_lint.parity", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the checkout (default: the working directory)")
    parser.add_argument("--semgrep", default="semgrep", help="the semgrep executable")
    args = parser.parse_args(argv)
    rules_dir = args.root / "rules"
    targets = fixture_files(args.root / "tests" / "fixtures", rule_codes(rules_dir))
    try:
        report = run_semgrep(rules_dir, targets, args.semgrep)
        found, new, stale = compare(args.root, report)
    except (OSError, RuntimeError) as error:
        print(f"parity: {error}", file=sys.stderr)
        return 2
    undocumented = {id(d) for d in new}
    for code in sorted({d.code for d in found}):
        print(code)
        for d in (d for d in found if d.code == code):
            mark = "  (not documented)" if id(d) in undocumented else ""
            print(f"  {d.fixture}:{d.line}: {d.reporter} only: {d.statement}{mark}")
    for gap in stale:
        print(f"documented gap no longer seen: {gap.code} {gap.fixture}: {gap.reporter} only: {gap.statement}")
    print(f"{len(found)} disagreement(s) over {len(targets)} fixture(s); {len(new)} not documented, "
          f"{len(stale)} documented gap(s) no longer seen")
    return 1 if new or stale else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
