"""Time and memory budget for crafted files whose values grow at every step.

    python bench/values.py          # prints a table; exit 1 when a shape is over its budget
    python bench/values.py --src OTHER/src   # the same shapes on another checkout (before/after)

Each shape is checked by `egress-lint check --no-cache` in a child process (wall time, CPU and peak
memory from wait4(), as bench/run.py measures them). Before values were capped, the 21-step `format`
chain peaked at about 0.8-1.4 GB; each shape must now stay within BUDGET_S seconds of CPU (CPU, not
wall time: the budget must not depend on what else the machine runs) and BUDGET_MIB. The last shapes
are large files that a quadratic scan would make slow (a helper per class, a dict rebound and updated
on every line, a body or headers of 50,000 sensitive keys, which took over 120 s when each key was
checked against the list of keys already found).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Dict

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SRC, measure  # noqa: E402  (the same child-process measurement as the main bench)

BUDGET_S = 3.0
BUDGET_MIB = 150.0
# The 50,000-key files are 1.2 MB: their ast alone is about 100 MiB (max-file-size bounds that part),
# so their memory budget is the parse plus what the analysis may add.
BUDGETS = {
    "dict of 50k sensitive keys as a json= body": (BUDGET_S, 250.0),
    "dict constant of 50k sensitive keys as data=": (BUDGET_S, 250.0),
}


def _chain(step: str, count: int, head: str = '"http://h.example.org/{}"') -> str:
    lines = ["import requests", f"u0 = {head}"]
    lines += [f"u{i} = " + step.format(p=f"u{i - 1}") for i in range(1, count + 1)]
    lines.append(f"requests.get(u{count})")
    return "\n".join(lines) + "\n"


def shapes() -> Dict[str, str]:
    return {
        "21 chained u1 = u0.format(u0)": _chain("{p}.format({p})", 21),
        "21 chained u1 = u0 % (u0,)": _chain("{p} % ({p},)", 21, head='"http://h.example.org/%s"'),
        "21 chained f-strings doubling": _chain('f"{{{p}}}{{{p}}}"', 21),
        "21 chained u1 = u0 + u0": _chain("{p} + {p}", 21),
        "200 rebindings u = u + u": "import requests\nu = 'http://h.example.org/'\n" + "u = u + u\n" * 200
                                    + "requests.get(u)\n",
        "format of 100 fields with a 4 kB argument": "import requests\nA = '" + "a" * 4000 + "'\n"
                                                     "requests.get('http://h.example.org/" + "{}" * 100 + "'.format("
                                                     + ", ".join(["A"] * 100) + "))\n",
        "20k-term + chain in a URL": "import requests\nrequests.get('http://h.example.org/'" + " + 'a'" * 20_000 + ")\n",
        "3k classes with a self.fetch helper each": "import requests\n" + "".join(
            f"class C{i}:\n    def fetch(self, url, **kw):\n        return requests.get(url, **kw)\n"
            f"    def run(self):\n        return self.fetch('https://h{i}.example.org', timeout=5)\n"
            for i in range(3000)),
        "5k rebindings of a dict updated after each": "import requests\n" + "".join(
            f"opts = dict(timeout={i})\nopts.update(verify=True)\nrequests.get('https://h.example.org', **opts)\n"
            for i in range(5000)),
        "2k if/else rebindings of one name": "import requests\nv = True\n" + "if c:\n    v = False\nelse:\n    v = 1\n"
                                            * 2000 + "requests.get('https://h.example.org', verify=v)\n",
        "dict of 50k sensitive keys as a json= body": "import requests\nrequests.post('http://api.example.com/x', json={"
                                                      + ", ".join(f"'password{i}': {i}" for i in range(50_000)) + "})\n",
        "dict constant of 50k sensitive keys as data=": "import os\nimport requests\nS = os.environ['S']\nDATA = {"
                                                        + ", ".join(f"'api_key{i}': S" for i in range(50_000))
                                                        + "}\nrequests.post('http://api.example.com/x', data=DATA)\n",
    }


def main(argv=None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=SRC, help="the egress_lint source to measure (default: this tree)")
    src = parser.parse_args(argv).src
    over = 0
    with tempfile.TemporaryDirectory(prefix="egress-lint-values-") as work:
        folder = Path(work)
        print("| shape | bytes | wall s | CPU s | peak MiB | budget s / MiB | within budget |")
        print("|---|---:|---:|---:|---:|---:|---|")
        for index, (name, text) in enumerate(shapes().items()):
            path = folder / f"shape_{index}.py"
            path.write_text(text)
            run = measure([sys.executable, "-m", "egress_lint", "check", "--no-cache", str(path)],
                          {"PYTHONPATH": str(src)}, folder)
            seconds, mib = BUDGETS.get(name, (BUDGET_S, BUDGET_MIB))
            ok = run.cpu <= seconds and run.peak_mib <= mib
            over += not ok
            print(f"| {name} | {len(text.encode())} | {run.wall:.2f} | {run.cpu:.2f} | {run.peak_mib:.0f} | "
                  f"{seconds:g} / {mib:.0f} | {'yes' if ok else '**no**'} |")
    print(f"\nbudget per shape: {BUDGET_S} s CPU, {BUDGET_MIB:.0f} MiB peak unless the row says otherwise")
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
