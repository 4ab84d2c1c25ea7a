"""Benchmark of project resolution: generated projects with a deep import graph, and the editor case.

    python bench/project.py                 # 500, 1000 and 2000 modules; prints a Markdown table
    python bench/project.py --sizes 200     # a quick run

Each generated project is a package of N modules. Module i imports a constant and a client from
module i-1 and from module i//2 (so the import graph is as deep as the project is long), builds its
URL from a setting, and makes requests on the shared client; every tenth module makes its own
session subclass. ``egress-lint check`` runs on it cold (``--no-cache``) and warm (cache filled),
one worker, in a fresh process each time; the figures are wall and CPU seconds and peak memory.

The editor row runs the flake8 plugin in a fresh process on one module that imports five modules of
its project, and reports the time of the plugin's own work (reading and modelling the five siblings
included) next to flake8's whole run with and without the plugin.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Sequence

BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"

SETTINGS = '''"""Settings of the generated application."""
VERIFY_SSL = True
API_BASE = "https://api.example.com"
TIMEOUT = 10
'''

HTTP = '''import requests


class ApiSession(requests.Session):
    def __init__(self):
        super().__init__()
        self.headers["User-Agent"] = "genapp"


session = ApiSession()
'''

MODULE = '''import requests

from .settings import API_BASE, TIMEOUT, VERIFY_SSL
from .m{prev} import LIMIT_{prev}, client_{prev}
from .m{half} import LIMIT_{half}

LIMIT_{n} = LIMIT_{prev} + LIMIT_{half}
client_{n} = client_{prev}
URL_{n} = API_BASE + "/items/{n}"


def fetch_{n}(item):
    """Fetches item {n}."""
    return client_{n}.get(URL_{n} + "/" + str(item), timeout=TIMEOUT)


def push_{n}(payload):
    """Pushes item {n}."""
    return requests.post(URL_{n}, json=payload, verify=VERIFY_SSL, timeout=TIMEOUT)


def helper_{n}(values):
    total = 0
    for value in values:
        total += value * LIMIT_{n}
    return total
'''

SUBCLASS = '''

class Session{n}(requests.Session):
    def __init__(self):
        super().__init__()
        self.verify = VERIFY_SSL
'''

FIRST = '''from .http import session

LIMIT_0 = 1
client_0 = session
'''

EDITOR = '''from .settings import API_BASE, VERIFY_SSL
from .http import session
from .m1 import client_1
from .m2 import LIMIT_2
from .m3 import URL_3


def sync(items):
    for item in items:
        session.get(API_BASE + "/sync/" + str(item), verify=VERIFY_SSL)
        client_1.post(URL_3, json={"limit": LIMIT_2})
'''


def generate(folder: Path, modules: int) -> Path:
    package = folder / "genapp"
    package.mkdir(parents=True)
    (folder / "pyproject.toml").write_text("[project]\nname = 'genapp'\n")
    (package / "__init__.py").write_text("")
    (package / "settings.py").write_text(SETTINGS)
    (package / "http.py").write_text(HTTP)
    (package / "m0.py").write_text(FIRST)
    for n in range(1, modules):
        text = MODULE.format(n=n, prev=n - 1, half=n // 2)
        if n % 10 == 0:
            text += SUBCLASS.format(n=n)
        (package / f"m{n}.py").write_text(text)
    (package / "editor.py").write_text(EDITOR)
    return folder


def run(argv: Sequence[str], cwd: Path) -> tuple:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1) or "internal error" in err:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_run(argv: Sequence[str], cwd: Path, repeat: int, prepare=None) -> tuple:
    runs = []
    for _ in range(repeat):
        if prepare is not None:
            prepare()
        runs.append(run(argv, cwd))
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))


PLUGIN_TIMER = r'''
import ast, sys, time
from egress_lint.flake8_plugin import EgressLintPlugin
path = sys.argv[1]
# The plugin's own modules load on its first file (as in any flake8 run): load them on another one.
warm = ["import requests\n", "requests.get('https://example.com')\n"]
list(EgressLintPlugin(ast.parse("".join(warm)), "warm.py", warm).run())
lines = open(path).read().splitlines(True)
tree = ast.parse("".join(lines))
start = time.perf_counter()
found = list(EgressLintPlugin(tree, path, lines).run())
print(f"{(time.perf_counter() - start) * 1000:.1f} {len(found)}")
'''


def editor_figures(project: Path, repeat: int) -> List[str]:
    module = project / "genapp" / "editor.py"
    env = dict(os.environ, PYTHONPATH=str(SRC))
    times = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", PLUGIN_TIMER, str(module)], env=env, capture_output=True,
                             text=True, check=True, cwd=project).stdout.split()
        times.append(float(out[0]))
    plugin_ms = statistics.median(times)
    rows = [f"| flake8 plugin on genapp/editor.py (imports 5 project modules), its work on that file in a fresh "
            f"process: reading and modelling the siblings included, loading the plugin not | {plugin_ms:.1f} ms |"]
    flake8 = [sys.executable, "-m", "flake8", "--isolated"]
    with_plugin = median_run(flake8 + ["--select", "E9,F,EGR", str(module)], project, repeat)[0]
    without = median_run(flake8 + ["--select", "E9,F", "--disable-noqa", str(module)], project, repeat)[0]
    rows.append(f"| flake8 --select E9,F,EGR on that module (whole process) | {with_plugin * 1000:.0f} ms |")
    rows.append(f"| flake8 --select E9,F on that module (plugin installed, not selected: it still runs) "
                f"| {without * 1000:.0f} ms |")
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--editor-only", action="store_true", help="only the editor figures (on 50 modules)")
    args = parser.parse_args(argv)
    out = ["| modules | cold wall s | cold CPU s | cold peak MiB | cold ms/module | warm wall s | warm CPU s |",
           "|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as work:
        if args.editor_only:
            project = generate(Path(work) / "p50", 50)
            print("\n".join(["| editor figure | median |", "|---|---:|"] + editor_figures(project, args.repeat * 2)))
            return 0
        editor = None
        for size in args.sizes:
            project = generate(Path(work) / f"p{size}", size)
            editor = editor or project
            check = [sys.executable, "-m", "egress_lint", "check", "--jobs", "1"]
            cold = median_run(check + ["--no-cache", "."], project, args.repeat)
            cache = project / ".bench-cache"
            run(check + ["--cache-dir", str(cache), "."], project)
            warm = median_run(check + ["--cache-dir", str(cache), "."], project, args.repeat)
            out.append(f"| {size + 4} | {cold[0]:.2f} | {cold[1]:.2f} | {cold[2]:.0f} | {cold[1] / size * 1000:.2f} "
                       f"| {warm[0]:.2f} | {warm[1]:.2f} |")
            print(out[-1], file=sys.stderr, flush=True)
        out += ["", "| editor figure | median |", "|---|---:|"] + editor_figures(editor, args.repeat * 2)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
