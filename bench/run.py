"""Side-by-side benchmark: egress-lint against ruff's S rules, bandit and flake8, on pinned real code.

    python bench/run.py            # full run: builds bench/.corpus/ (pip, once), writes bench/RESULTS.md
    python bench/run.py --quick    # small offline subset, one repetition: a smoke test of this script

Every command runs as a child process; wall time, CPU time (the child and the workers it waited
for) and peak resident memory (of the largest process) come from wait4(). Commands alternate within
each round, and the table shows the median over the rounds.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SRC = ROOT / "src"
CORPUS = BENCH / ".corpus"
sys.path.insert(0, str(SRC))

# Fixed versions: the corpus must be the same code on every run and every machine.
PACKAGES = (
    "requests==2.32.3", "urllib3==2.2.3", "httpx==0.27.2", "httpcore==1.0.6", "aiohttp==3.10.10",
    "botocore==1.35.36", "boto3==1.35.36", "Django==5.1.2", "Flask==3.0.3", "Werkzeug==3.0.4",
    "paramiko==3.5.0", "pip==24.2", "setuptools==75.1.0", "tornado==6.4.1", "Twisted==24.7.0",
    "SQLAlchemy==2.0.35",
)
# flake8 runs from its own virtualenv, with and without the plugin: the same interpreter and the
# same flake8, differing only by whether the EGR entry point is on the path.
FLAKE8 = ("flake8==7.1.1", "pyflakes==3.2.0", "pycodestyle==2.12.1", "mccabe==0.7.0")
# flake8 takes minutes per run on the whole corpus, so its two rows use the network libraries only:
# the files where the plugin has the most to do, which makes the overhead measured an upper bound.
FLAKE8_PACKAGES = ("requests-2.32.3", "urllib3-2.2.3", "httpx-0.27.2", "httpcore-1.0.6", "aiohttp-3.10.10",
                   "paramiko-3.5.0", "tornado-6.4.1")
BANDIT_TESTS = "B501,B502,B503,B504,B507,B310,B312,B321,B323,B113"
EDITOR_MODULE = "urllib3-2.2.3/urllib3/connectionpool.py"
GENERATED_SIZES = (1_000, 10_000, 100_000)


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


@dataclass
class Row:
    name: str
    argv: List[str]
    env: Dict[str, str] = field(default_factory=dict)
    files: int = 0
    lines: int = 0
    runs: List[Run] = field(default_factory=list)
    note: str = ""
    prepare: Optional[object] = None  # called before each timed run, untimed (fix rows restore their files)

    def median(self, attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in self.runs)


def measure(argv: Sequence[str], env: Dict[str, str], cwd: Path) -> Run:
    full_env = dict(os.environ)
    full_env.update(env)
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{stderr[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


# -- corpus -------------------------------------------------------------------------------------
def build_corpus() -> Path:
    CORPUS.mkdir(parents=True, exist_ok=True)
    (CORPUS / ".gitignore").write_text("*\n")
    packages = CORPUS / "packages"
    for spec in PACKAGES:
        name, version = spec.split("==")
        target = packages / f"{name.lower()}-{version}"
        if target.is_dir():
            continue
        partial = packages / f".partial-{name.lower()}-{version}"
        shutil.rmtree(partial, ignore_errors=True)
        print(f"fetching {spec} ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-compile",
                        "--disable-pip-version-check", "--target", str(partial), spec], check=True)
        partial.rename(target)
    return packages


def quick_corpus(folder: Path) -> Path:
    """This project's own code, examples and fixtures: real files, no network."""
    for part in ("src", "examples", "tests"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


GENERATED_BLOCK = '''

DEFAULTS_{n} = {{"timeout": 5, "verify": True}}
response = requests.get("https://api.example.com/items/{n}", **DEFAULTS_{n})
options = dict(DEFAULTS_{n})
options.update(verify=False)
requests.post("https://api.example.com/upload/{n}", data=b"x", **options)


class Client{n}:
    """Talks to service {n} over http and https."""

    def __init__(self, base="https://svc{n}.example.com"):
        self.base = base
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "bench/{n}"
        self.context = ssl.create_default_context()
        if {n} % 10 == 0:
            self.context.check_hostname = False

    def fetch(self, path, **extra):
        merged = {{**DEFAULTS_{n}, **extra}}
        return self.session.get(self.base + path, **merged)

    def post(self, path, payload):
        for attempt in range(3):
            result = self.session.post(f"{{self.base}}/{{path}}", json=payload, timeout=10)
            if result.ok:
                return [item for item in result.json() if item]
        return None


def make_client_{n}():
    client = Client{n}()
    return client.fetch("/health", verify=False)
'''


def generated_files(folder: Path, sizes: Sequence[int]) -> Dict[int, Path]:
    """Network-heavy modules of a given length: one block repeated, module names rebound each time
    (``response``, ``options``), as long scripts and generated clients do."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {}
    for size in sizes:
        parts = ["import ssl\n\nimport requests\n"]
        lines, n = 3, 0
        while lines < size:
            block = GENERATED_BLOCK.format(n=n)
            parts.append(block)
            lines += block.count("\n")
            n += 1
        path = folder / f"generated_{size // 1000}k.py"
        path.write_text("".join(parts))
        files[size] = path
    return files


def count(paths: Sequence[Path]) -> tuple:
    from egress_lint.files import discover

    found, _ = discover([str(p) for p in paths])
    lines = 0
    for name in found:
        with open(name, "rb") as handle:
            lines += handle.read().count(b"\n")
    return len(found), lines


# -- flake8 -------------------------------------------------------------------------------------
def flake8_environment(folder: Path) -> Optional[tuple]:
    """A virtualenv with flake8 only, and a folder that registers the EGR plugin the way an
    installed wheel does (a dist-info with entry_points.txt) for this checkout's src/."""
    venv = folder / "flake8-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
        subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                        "--disable-pip-version-check", *FLAKE8], check=True)
    from egress_lint import __version__

    plugin = folder / "flake8-plugin"
    info = plugin / f"egress_lint-{__version__}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: egress-lint\nVersion: {__version__}\n")
    (info / "entry_points.txt").write_text("[flake8.extension]\nEGR = egress_lint.flake8_plugin:EgressLintPlugin\n")
    return python, f"{SRC}{os.pathsep}{plugin}"


# -- fix ------------------------------------------------------------------------------------------
FIX_HEADER = "import ssl\n\nimport paramiko\nimport requests\n\nAUTH = ('user', 'password')\n"
# Each block carries one finding that `fix --unsafe-fixes` rewrites, a different fix kind each.
FIX_BLOCKS = (
    '''

def fetch_{n}(url):
    """Reads item {n}."""
    return requests.get(url, timeout=5, verify=False)

''',
    '''

# The context of service {n}.
context_{n} = ssl.create_default_context()
context_{n}.check_hostname = False

''',
    '''

def upload_{n}(payload):
    """Stores item {n}."""
    return requests.put("http://files{n}.example.com/items", json=payload, auth=AUTH, timeout=5)

''',
    '''

def legacy_context_{n}():
    """The context of legacy service {n}."""
    return ssl._create_unverified_context()

''',
    '''

def connect_{n}(client):
    """Trusts host {n}."""
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())

''',
)


def fix_files(folder: Path) -> Dict[str, Path]:
    """The files the fix rows rewrite: 50 fixes in about 300 lines, and a 750-line and a 6,000-line
    network module (the generated blocks above, made to verify) with one fixable finding at the end."""
    folder.mkdir(parents=True, exist_ok=True)
    fifty = folder / "fifty_fixes.py"
    body = [FIX_HEADER]
    for n in range(50):
        body.append(FIX_BLOCKS[n % len(FIX_BLOCKS)].format(n=n))
    fifty.write_text("".join(body))
    files = {"fifty": fifty}
    for name, size in (("one_750", 750), ("one_6k", 6000)):
        path = folder / f"{name}.py"
        generated = generated_files(folder / f".{name}", (size - 40,))[size - 40].read_text()
        quiet = generated.replace("verify=False", "timeout=3").replace("check_hostname = False", "check_hostname = True")
        path.write_text(quiet + "\n\nrequests.get('https://last.example.com', verify=False)\n")
        files[name] = path
    return files


def fixable(path: Path) -> int:
    from egress_lint.config import Settings
    from egress_lint.engine import check_source

    return sum(1 for d in check_source(path.read_bytes(), str(path), Settings()).diagnostics if d.fix)


def fix_rows(work: Path, src: Path, corpus: Path) -> List[Row]:
    """`fix` next to `check` on the same files: each file is restored before each run of `fix`."""
    python, env = sys.executable, {"PYTHONPATH": str(src)}
    originals = fix_files(work / "fix-originals")
    target = work / "fix-target"
    rows = []
    for key, original in originals.items():
        lines = original.read_bytes().count(b"\n")
        label = f"{lines} lines, {fixable(original)} fixable"
        path = target / original.name

        def restore(original=original, path=path):
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(original, path)

        restore()
        check = Row(f"check --no-cache, {label}", [python, "-m", "egress_lint", "check", "--no-cache", str(path)], env)
        fix = Row(f"fix --unsafe-fixes, {label}", [python, "-m", "egress_lint", "fix", "--unsafe-fixes", str(path)],
                  env, prepare=restore)
        for row in (check, fix):
            row.files, row.lines = 1, lines
        rows += [check, fix]
    files, lines = count([corpus])
    check = Row("check --no-cache, corpus", [python, "-m", "egress_lint", "check", "--no-cache", str(corpus)], env)
    fix = Row("fix --diff --unsafe-fixes, corpus (everything but the write)",
              [python, "-m", "egress_lint", "fix", "--diff", "--unsafe-fixes", str(corpus)], env)
    for row in (check, fix):
        row.files, row.lines = files, lines
    return rows + [check, fix]


def fix_targets(rows: List[Row]) -> str:
    out = ["| figure | target | measured | met |", "|---|---|---|---|"]
    for check, fix in zip(rows[::2], rows[1::2]):
        ratio = fix.median("wall") / check.median("wall")
        subject = fix.name.split(", ", 1)[1]
        out.append(f"| fix vs check, {subject} | <= 3x check's wall time | {ratio:.2f}x | "
                   f"{'yes' if ratio <= 3 else '**no**'} |")
    fifty = next(row for row in rows if row.name.startswith("fix") and "50 fixable" in row.name)
    out.append(f"| fix, {fifty.name.split(', ', 1)[1]} | < 1 s wall | {fifty.median('wall'):.2f} s | "
               f"{'yes' if fifty.median('wall') < 1 else '**no**'} |")
    # On a loaded machine the wall time waits for other processes; the CPU time does not.
    out.append(f"| fix, {fifty.name.split(', ', 1)[1]}, CPU time | < 1 s | {fifty.median('cpu'):.2f} s | "
               f"{'yes' if fifty.median('cpu') < 1 else '**no**'} |")
    return "\n".join(out)


def run_fix_rows(rows: List[Row], repeat: int, work: Path) -> None:
    for row in rows:  # warm the file system cache and the interpreter's bytecode cache
        if row.prepare:
            row.prepare()
        measure(row.argv, row.env, work)
    for round_ in range(repeat):
        for row in rows:
            if row.prepare:
                row.prepare()
            row.runs.append(measure(row.argv, row.env, work))
            last = row.runs[-1]
            print(f"round {round_ + 1}/{repeat}: {row.name}: {last.wall:.2f} s wall, {last.cpu:.2f} s CPU",
                  file=sys.stderr)


FIX_SECTION = "## fix"


def fix_section(rows: List[Row], src: Path, repeat: int, corpus_label: str) -> str:
    return "\n".join([
        FIX_SECTION, "",
        f"`python bench/run.py --fix{' --src ' + str(src) if src != SRC else ''}`: median of {repeat} alternating "
        f"round(s), {time.strftime('%Y-%m-%d')}; load average at the end "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}. Each `fix` run starts from the original file; "
        f"the corpus is {corpus_label}.", "",
        table(rows, {}, None), "", fix_targets(rows), ""])


def main_fix(repeat: int, output: Optional[Path], src: Path, quick: bool) -> int:
    work = Path(tempfile.mkdtemp(prefix="egress-lint-bench-fix-"))
    try:
        corpus = quick_corpus(work / "corpus") if quick or not CORPUS.is_dir() else build_corpus()
        label = "this project's src, examples and tests" if corpus.parent == work else "the pinned packages"
        rows = fix_rows(work, src, corpus)
        run_fix_rows(rows, repeat, work)
        text = fix_section(rows, src, repeat, label)
        print(text)
        if output is not None:
            previous = output.read_text() if output.exists() else ""
            start = previous.find(FIX_SECTION + "\n")
            if start >= 0:
                end = previous.find("\n## ", start + 1)
                previous = previous[:start] + (previous[end + 1:] if end >= 0 else "")
            output.write_text(previous.rstrip("\n") + "\n\n" + text)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


# -- in-process figures ---------------------------------------------------------------------------
# Each timed call starts from a collected heap, as a fresh editor save or worker would: otherwise the
# previous call's cyclic garbage (half a gigabyte for the 100k-line file) is still being collected.
INPROCESS = r'''
import gc, json, resource, statistics, sys, time
from egress_lint.config import Settings
from egress_lint.engine import check_source
path, repeat = sys.argv[1], int(sys.argv[2])
data = open(path, "rb").read()
check_source(data, path, Settings())  # imports and lazy tables out of the way
walls, cpus = [], []
for _ in range(repeat):
    result = None
    gc.collect()
    w, c = time.perf_counter(), time.process_time()
    result = check_source(data, path, Settings())
    walls.append(time.perf_counter() - w)
    cpus.append(time.process_time() - c)
print(json.dumps({"wall": statistics.median(walls), "cpu": statistics.median(cpus),
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "findings": len(result.diagnostics)}))
'''


def in_process(path: Path, repeat: int) -> Run:
    proc = subprocess.run([sys.executable, "-c", INPROCESS, str(path), str(repeat)], capture_output=True,
                          text=True, check=True, env={**os.environ, "PYTHONPATH": str(SRC)})
    found = json.loads(proc.stdout)
    return Run(found["wall"], found["cpu"], found["peak"])


def profile_cold(paths: Sequence[Path], top: int = 25) -> str:
    """Where a single-process cold run spends its time (cProfile, cumulative)."""
    from egress_lint.config import Settings
    from egress_lint.files import discover
    from egress_lint.runner import run_files

    files, _ = discover([str(p) for p in paths])
    profiler = cProfile.Profile()
    profiler.enable()
    run_files(files, Settings(), jobs=1)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    text = out.getvalue()
    return text[text.index("   ncalls"):].rstrip() if "   ncalls" in text else text


# -- report ---------------------------------------------------------------------------------------
def machine() -> List[str]:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return [f"- {platform.system()} {platform.release()} {platform.machine()}, {cpu}, "
            f"{os.cpu_count()} cores{memory}",
            f"- Python {platform.python_version()}; {tool_version(['ruff', '--version'])}; "
            f"{tool_version(['bandit', '--version'])}",
            f"- load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]


def tool_version(argv: List[str]) -> str:
    try:
        out = subprocess.run(argv, capture_output=True, text=True).stdout
    except OSError:
        return f"{argv[0]} missing"
    return out.splitlines()[0].strip() if out else argv[0]


def table(rows: List[Row], ruff: Dict[str, Row], bandit: Optional[Row]) -> str:
    out = ["| measurement | files | lines | wall s | CPU s | peak MiB | files/s | lines/s | vs ruff | bandit / this |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        if not row.runs:
            out.append(f"| {row.name} | | | | | | | | | {row.note} |")
            continue
        wall, cpu, peak = row.median("wall"), row.median("cpu"), max(r.peak_mib for r in row.runs)
        reference = ruff.get(row.name)
        vs_ruff = f"{wall / reference.median('wall'):.2f}x" if reference and reference.runs else ""
        vs_bandit = f"{bandit.median('wall') / wall:.1f}x" if bandit and bandit.runs and row.name.startswith(
            "egress-lint check") else ""
        rate = (f"{row.files / wall:,.0f}" if row.files else "", f"{row.lines / wall:,.0f}" if row.lines else "")
        out.append(f"| {row.name} | {row.files or ''} | {row.lines or ''} | {wall:.3f} | {cpu:.3f} | {peak:.0f} | "
                   f"{rate[0]} | {rate[1]} | {vs_ruff} | {vs_bandit} |")
    return "\n".join(out)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small offline subset, one round (smoke test)")
    parser.add_argument("--repeat", type=int, default=None, help="rounds (default 5; 1 with --quick)")
    parser.add_argument("--output", type=Path, default=None,
                        help="where to write the report (default: bench/RESULTS.md; none with --quick)")
    parser.add_argument("--fix", action="store_true",
                        help="only the fix rows (fix next to check on the same files); replaces the fix section "
                             "of the report")
    parser.add_argument("--src", type=Path, default=SRC,
                        help="the egress-lint sources the fix rows run (default: this checkout's src/)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (1 if args.quick else 5)
    output = args.output if args.output or args.quick else BENCH / "RESULTS.md"
    if args.fix:
        precompile(args.src.resolve())
        return main_fix(repeat, args.output or (None if args.quick else BENCH / "RESULTS.md"), args.src.resolve(),
                        args.quick)

    work = Path(tempfile.mkdtemp(prefix="egress-lint-bench-"))
    try:
        return _run(args.quick, repeat, output, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def precompile(src: Path) -> None:
    """Byte-compile the measured sources once, as installing a package does (bandit, flake8 and ruff's
    rows run installed tools): otherwise a machine that sets PYTHONDONTWRITEBYTECODE compiles every
    module of egress-lint again in every timed run, and only this tool pays for it."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(src)], check=True)


def _run(quick: bool, repeat: int, output: Optional[Path], work: Path) -> int:
    described = machine()  # the load average before the runs add to it
    corpus = quick_corpus(work / "corpus") if quick else build_corpus()
    generated = generated_files(work / "generated", GENERATED_SIZES[:2] if quick else GENERATED_SIZES)
    editor = (corpus / "examples" / "payments_service" / "processor.py") if quick else corpus / EDITOR_MODULE
    files, lines = count([corpus])
    python = sys.executable
    precompile(SRC)
    env = {"PYTHONPATH": str(SRC)}
    ours_cache, ruff_cache = work / "egress-cache", work / "ruff-cache"
    cold = Row("egress-lint check, cold (no cache)", [python, "-m", "egress_lint", "check", "--no-cache", str(corpus)], env)
    warm = Row("egress-lint check, warm (cache filled)",
               [python, "-m", "egress_lint", "check", "--cache-dir", str(ours_cache), str(corpus)], env)
    ruff_cold = Row("ruff check --select S --no-cache",
                    ["ruff", "check", "--isolated", "--no-respect-gitignore", "--select", "S", "--no-cache",
                     "--exit-zero", str(corpus)])
    ruff_warm = Row("ruff check --select S (cached)",
                    ["ruff", "check", "--isolated", "--no-respect-gitignore", "--select", "S", "--cache-dir",
                     str(ruff_cache), "--exit-zero", str(corpus)])
    bandit = Row(f"bandit -r -q -t {BANDIT_TESTS}",
                 ["bandit", "-r", "-q", "--exit-zero", "-t", BANDIT_TESTS, str(corpus)])
    rows = [cold, warm, ruff_cold, ruff_warm, bandit]
    for row in rows:
        row.files, row.lines = files, lines
    flake8_plain = Row("flake8 --select=E9,F (no plugin; network libraries)", [])
    flake8_egr = Row("flake8 --select=E9,F (with EGR plugin; network libraries)", [])
    if quick:
        flake8_plain.note = flake8_egr.note = "skipped with --quick (needs a virtualenv)"
    else:
        venv_python, plugin_path = flake8_environment(CORPUS)
        subset = [corpus / name for name in FLAKE8_PACKAGES]
        flake8_args = [str(venv_python), "-m", "flake8", "--isolated", "--select=E9,F", "--exit-zero",
                       *map(str, subset)]
        flake8_plain.argv = flake8_egr.argv = flake8_args
        flake8_egr.env = {"PYTHONPATH": plugin_path}
        flake8_plain.files, flake8_plain.lines = flake8_egr.files, flake8_egr.lines = count(subset)
    rows += [flake8_plain, flake8_egr]

    # Fill both caches, and warm the file system cache for everyone.
    for row in (warm, ruff_warm):
        measure(row.argv, row.env, work)
    timed = [row for row in rows if row.argv]
    for round_ in range(repeat):
        for row in timed:
            row.runs.append(measure(row.argv, row.env, work))
            last = row.runs[-1]
            print(f"round {round_ + 1}/{repeat}: {row.name}: {last.wall:.2f} s wall, {last.cpu:.2f} s CPU, "
                  f"{last.peak_mib:.0f} MiB", file=sys.stderr)

    editor_row = Row(f"one module in-process ({editor.name}, editor on-save)", [])
    editor_row.files, editor_row.lines = 1, editor.read_bytes().count(b"\n")
    inner = repeat if quick else max(5, repeat)
    editor_row.runs.append(in_process(editor, inner))
    size_rows = []
    for size, path in generated.items():
        row = Row(f"generated file, {size // 1000}k lines, in-process", [])
        row.files, row.lines = 1, path.read_bytes().count(b"\n")
        row.runs.append(in_process(path, inner if size < 100_000 else repeat))
        size_rows.append(row)
    rows += [editor_row, *size_rows]

    fixes = fix_rows(work, SRC, corpus)
    run_fix_rows(fixes, repeat, work)

    ruff_of = {cold.name: ruff_cold, warm.name: ruff_warm}
    report = [table(rows, ruff_of, bandit)]
    report.append("")
    report.append(targets(cold, warm, ruff_cold, ruff_warm, bandit, flake8_plain, flake8_egr, editor_row, size_rows,
                          rows))
    text = "\n".join(report)
    print(text)
    if output is not None:
        write_report(output, described, text, quick, repeat, files, lines, corpus)
        with open(output, "a") as handle:
            handle.write("\n" + fix_section(fixes, SRC, repeat, "the corpus above"))
    return 0


def targets(cold, warm, ruff_cold, ruff_warm, bandit, flake8_plain, flake8_egr, editor, sizes, rows) -> str:
    def ratio(a: Row, b: Row) -> Optional[float]:
        return a.median("wall") / b.median("wall") if a.runs and b.runs else None

    checks = []
    checks.append(("cold check vs ruff --no-cache", "<= 5x ruff's wall time", ratio(cold, ruff_cold), lambda r: r <= 5,
                   "{:.2f}x"))
    faster = ratio(bandit, cold)
    checks.append(("cold check vs bandit (comparable tests)", ">= 10x faster", faster, lambda r: r >= 10, "{:.1f}x faster"))
    checks.append(("warm check vs ruff cached", "<= 2x ruff's wall time", ratio(warm, ruff_warm), lambda r: r <= 2,
                   "{:.2f}x"))
    extra = ratio(flake8_egr, flake8_plain)
    checks.append(("flake8 with the EGR plugin vs without", "<= 5% more wall time",
                   None if extra is None else (extra - 1) * 100, lambda r: r <= 5, "{:+.1f}%"))
    checks.append(("one network-heavy module, in-process", "<= 50 ms",
                   editor.median("wall") * 1000 if editor.runs else None, lambda r: r <= 50, "{:.1f} ms"))
    growth = ratio(sizes[-1], sizes[0]) if len(sizes) > 1 else None
    checks.append((f"{sizes[-1].name.split(',')[1].strip()} file vs {sizes[0].name.split(',')[1].strip()} file",
                   "ratio <= 130 (linear)", growth, lambda r: r <= 130, "{:.0f}"))
    peak = max((r.peak_mib for row in rows if row.name.startswith("egress-lint") for r in row.runs), default=None)
    checks.append(("peak memory of a corpus run", "<= 150 MiB per process", peak, lambda r: r <= 150, "{:.0f} MiB"))
    out = ["| figure | target | measured | met |", "|---|---|---|---|"]
    for name, target, value, ok, fmt in checks:
        shown = fmt.format(value) if value is not None else "not measured"
        met = ("yes" if ok(value) else "**no**") if value is not None else ""
        out.append(f"| {name} | {target} | {shown} | {met} |")
    return "\n".join(out)


def write_report(output: Path, described: List[str], text: str, quick: bool, repeat: int, files: int, lines: int, corpus: Path) -> None:
    what = "--quick subset (this project's own files)" if quick else \
        "pinned packages: " + ", ".join(PACKAGES)
    parts = ["# Benchmark results", "",
             f"Produced by `python bench/run.py{' --quick' if quick else ''}` on "
             f"{time.strftime('%Y-%m-%d')}: median of {repeat} alternating round(s).", "",
             "## Machine", "", *described,
             f"- load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work on the "
             "machine during the run slows every tool; the rounds alternate so that it falls on all alike)", "", "## Corpus", "",
             f"{files} files, {lines:,} lines; {what}.", "", "## Results", "", text, "",
             "## Where a cold run spends its time", "",
             "cProfile of one single-process cold run over the same corpus (cumulative seconds, with the "
             "profiler's overhead):", "", "```", profile_cold([corpus]), "```", ""]
    output.write_text("\n".join(parts))


if __name__ == "__main__":
    sys.exit(main())
