"""Write the Semgrep test files in rules/ from the engine's fixtures.

    python tools/semgrep_tests.py           rewrite every rules/<family>/egrNNN-<slug>.py (and the
                                            .fixed.py of a rule with a fix, made by Semgrep itself)
    python tools/semgrep_tests.py --check   exit 1 and name the test files that are out of date

The test file of a rule is tests/fixtures/EGRNNN.py with the engine's annotations turned into
Semgrep's, for that rule only:

- ``# ruleid: EGRNNN`` becomes ``# ruleid: <rule id>``, or ``# todoruleid: <rule id>`` where the
  gap table of rules/README.md documents the statement as "engine only";
- ``# ok: EGRNNN`` becomes ``# ok: <rule id>``, or ``# todook: <rule id>`` where the table documents
  it as "semgrep only"; a statement the table documents as "semgrep only" without an annotation of
  this code gets a ``# todook:`` line of its own;
- annotations of other codes are dropped (their lines are checked by the parity scan, which runs
  every rule over every fixture), and so is a comment that only talks about annotations.

So the gap table is the one list of what Semgrep cannot see, a fixture change reaches the Semgrep
tests by running this script, and tests/test_semgrep.py fails while a test file is stale.
The .fixed.py of a rule with a fix is what Semgrep's autofix makes of the new test file.
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from egress_lint import parity  # noqa: E402  (after the path is set up)

ANNOTATION = re.compile(r"^(?P<indent>\s*)#\s*(?P<kind>ruleid|ok|todoruleid|todook):\s*(?P<codes>.+?)\s*$")
# Semgrep reads an annotation anywhere in a comment, so no other line may spell one.
ANNOTATION_WORD = re.compile(r"\b(ruleid|ok|todoruleid|todook):")
RULE_FILE = re.compile(r"^(egr\d{3})-[a-z0-9-]+\.yaml$")
GENERATOR = "tools/semgrep_tests.py"


def rule_files(rules_dir: Path) -> Dict[str, Path]:
    """EGRNNN -> rules/<family>/egrNNN-<slug>.yaml."""
    found = {}
    for path in sorted(rules_dir.rglob("*.yaml")):
        match = RULE_FILE.match(path.name)
        if match:
            found[match.group(1).upper()] = path
    return found


def _targets(lines: Sequence[str]) -> Dict[int, int]:
    """Index of each annotation line -> index of the code line it annotates (the grammar of
    egress_lint.annotations: the next line that is not blank, a comment or a decorator)."""
    out, pending = {}, []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if ANNOTATION.match(line):
            pending.append(index)
            continue
        if not stripped or stripped.startswith("#") or stripped.startswith("@"):
            continue
        for annotation in pending:
            out[annotation] = index
        pending = []
    return out


def _code_line_starts(lines: Sequence[str]) -> List[int]:
    return [i for i, line in enumerate(lines)
            if line.strip() and not line.strip().startswith("#") and not line.strip().startswith("@")]


def render(code: str, rule_id: str, fixture: Path, gaps: Sequence[parity.Disagreement]) -> str:
    """The Semgrep test file of one rule, from its fixture and the documented gaps of that fixture."""
    lines = fixture.read_text(encoding="utf-8").splitlines()
    targets = _targets(lines)
    engine_only = Counter(g.statement for g in gaps if g.reporter == parity.ENGINE)
    semgrep_only = Counter(g.statement for g in gaps if g.reporter == parity.SEMGREP)

    # Which code lines carry an annotation of this code, and of which kind.
    own: Dict[int, str] = {}
    for annotation, target in targets.items():
        match = ANNOTATION.match(lines[annotation])
        codes = [c.strip() for c in match.group("codes").split(",")]
        if code in codes:
            own[target] = match.group("kind")

    # Statements Semgrep alone reports, with no annotation of this code: they get a todook line.
    extra_todook = set()
    for index in _code_line_starts(lines):
        statement = lines[index].strip()
        if index not in own and semgrep_only[statement]:
            semgrep_only[statement] -= 1
            extra_todook.add(index)

    out = [f"# Semgrep test for {rule_id}, written by {GENERATOR} from tests/fixtures/{fixture.name}.",
           "# Edit the fixture or the gap table of rules/README.md, then run the script again."]
    for index, line in enumerate(lines):
        match = ANNOTATION.match(line)
        if match:
            codes = [c.strip() for c in match.group("codes").split(",")]
            if code not in codes:
                continue
            kind = match.group("kind")
            statement = lines[targets[index]].strip() if index in targets else ""
            if kind == "ruleid" and engine_only[statement]:
                engine_only[statement] -= 1
                kind = "todoruleid"
            elif kind == "ok" and semgrep_only[statement]:
                semgrep_only[statement] -= 1
                kind = "todook"
            out.append(f"{match.group('indent')}# {kind}: {rule_id}")
            continue
        if ANNOTATION_WORD.search(line):
            if line.strip().startswith("#"):
                continue  # a comment about the annotations themselves
            raise ValueError(f"{fixture.name}:{index + 1}: an annotation word outside an annotation")
        if index in extra_todook:
            indent = line[:len(line) - len(line.lstrip())]
            out.append(f"{indent}# todook: {rule_id}")
        out.append(line)
    return "\n".join(out) + "\n"


def expected_files(root: Path = ROOT) -> Dict[Path, str]:
    """Every Semgrep test file (not .fixed.py) as this script writes it."""
    rules_dir, fixtures = root / "rules", root / "tests" / "fixtures"
    gaps = parity.documented_gaps(rules_dir / "README.md")
    files = {}
    for code, yaml_path in rule_files(rules_dir).items():
        fixture = fixtures / f"{code}.py"
        if not fixture.is_file():
            raise FileNotFoundError(f"{yaml_path.name} has no fixture {fixture}")
        own_gaps = [g for g in gaps if g.code == code and g.fixture == fixture.name]
        files[yaml_path.with_suffix(".py")] = render(code, yaml_path.stem, fixture, own_gaps)
    return files


def stale(root: Path = ROOT) -> List[Path]:
    """Test files whose text differs from what this script writes."""
    return sorted(path for path, text in expected_files(root).items()
                  if not path.is_file() or path.read_text(encoding="utf-8") != text)


def _has_fix(yaml_path: Path) -> bool:
    text = yaml_path.read_text(encoding="utf-8")
    return re.search(r"^\s*fix(-regex)?:", text, re.MULTILINE) is not None


def write_fixed(yaml_path: Path, test_file: Path, semgrep: str = "semgrep") -> Path:
    """Write <rule>.fixed.py: Semgrep's autofix applied to a copy of the test file."""
    fixed = test_file.with_suffix(".fixed.py")
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / test_file.name
        shutil.copyfile(test_file, copy)
        done = subprocess.run([semgrep, "scan", "--config", str(yaml_path), "--autofix", "--metrics=off",
                               "--disable-version-check", "--quiet", str(copy)],
                              capture_output=True, text=True)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"semgrep --autofix failed on {test_file.name}: {done.stderr[-2000:]}")
        fixed.write_text(copy.read_text(encoding="utf-8"), encoding="utf-8")
    return fixed


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale test files (exit 1)")
    parser.add_argument("--semgrep", default="semgrep", help="the semgrep executable (for .fixed.py)")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale()
        for path in out_of_date:
            print(f"stale: {path.relative_to(ROOT)} (run python {GENERATOR})")
        return 1 if out_of_date else 0
    yaml_by_test = {p.with_suffix(".py"): p for p in rule_files(ROOT / "rules").values()}
    for path, text in expected_files().items():
        changed = not path.is_file() or path.read_text(encoding="utf-8") != text
        path.write_text(text, encoding="utf-8")
        if _has_fix(yaml_by_test[path]):
            write_fixed(yaml_by_test[path], path, args.semgrep)
        if changed:
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
