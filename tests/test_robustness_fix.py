"""`egress-lint fix` meets the same awkward inputs as `check`: a message per file, never a hang,
a crash or a half-written file."""
from __future__ import annotations

import os
from pathlib import Path

from tests.helpers import egress_lint

FIXABLE = "import requests\nrequests.get('https://h/', verify=False)\n"


def test_fix_skips_a_named_pipe_and_a_file_too_deep_for_libcst(tmp_path: Path):
    os.mkfifo(tmp_path / "pipe.py")
    chain = " + ".join(["a"] * 10_000)  # libcst's native parser overflowed its stack on this (a segfault)
    deep = f"import requests\na = 'x'\nrequests.get('https://h/' + {chain}, verify=False)\n"
    (tmp_path / "deep.py").write_text(deep)
    (tmp_path / "plain.py").write_text(FIXABLE)
    proc = egress_lint("fix", "--unsafe-fixes", str(tmp_path))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert (tmp_path / "plain.py").read_text() == "import requests\nrequests.get('https://h/')\n"
    assert (tmp_path / "deep.py").read_text() == deep
    messages = sorted(line for line in proc.stderr.splitlines() if line.startswith("egress-lint: "))
    assert len(messages) == 2, proc.stderr
    assert messages[0].endswith("deep.py: nested more than 200 levels deep, beyond what the fixer can rewrite; "
                                "fix it by hand") or "nested too deeply" in messages[0]
    assert messages[1].endswith("pipe.py: cannot read: not a regular file (a named pipe)")


# --- writing: the file is replaced whole or left as it was -------------------------------------------

FIXED = "import requests\nrequests.get('https://h/')\n"

# Runs the real CLI with an audit hook that acts at a chosen step of the write: it sends the process a
# real SIGINT, or edits the file being fixed as an editor would. Audit events make the moment exact:
# "open" of the fixer's temporary file (before its bytes are written) and "os.rename" (os.replace,
# before the file is swapped in).
HOOKED = r'''
import os, signal, sys

event_wanted, action, target = sys.argv[1], sys.argv[2], sys.argv[3]
done = []

def hook(event, args):
    if done or event != event_wanted:
        return
    name = str(args[0]) if args else ""
    if event == "open" and not (".egress-lint-" in name and name.endswith(".tmp")):
        return
    done.append(event)
    if action == "sigint":
        os.kill(os.getpid(), signal.SIGINT)
    elif action == "append":
        with open(target, "a") as handle:
            handle.write("# edited while fix ran\n")
    elif action == "same-size":
        # Same size and the old modification time: only the content tells that the file changed.
        before = os.stat(target)
        with open(target, "r+") as handle:
            text = handle.read()
            handle.seek(0)
            handle.write(text.replace("https://h/", "https://g/"))
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))

sys.addaudithook(hook)
from egress_lint.cli import main
sys.exit(main(sys.argv[4:]))
'''


def hooked_fix(tmp_path: Path, event: str, action: str, target: Path, *paths: str):
    import sys

    from tests.helpers import run

    script = tmp_path / "hooked.py"
    script.write_text(HOOKED)
    return run([sys.executable, str(script), event, action, str(target), "fix", "--unsafe-fixes", *paths])


def leftovers(folder: Path):
    return sorted(p.name for p in folder.iterdir() if ".egress-lint-" in p.name)


def test_fix_replaces_the_file_whole_and_keeps_its_mode_and_owner(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "client.py"
    path.write_text(FIXABLE)
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    before = os.stat(path)
    proc = egress_lint("fix", "--unsafe-fixes", str(tree))
    assert proc.returncode == 0, proc.stderr
    after = os.stat(path)
    assert path.read_text() == FIXED
    assert after.st_ino != before.st_ino  # a new file took the old one's place
    assert (oct(after.st_mode), after.st_uid, after.st_gid) == (oct(before.st_mode), before.st_uid, before.st_gid)
    assert leftovers(tree) == []


def test_sigint_before_the_fixed_bytes_are_written_leaves_the_file_as_it_was(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "client.py"
    path.write_text(FIXABLE)
    proc = hooked_fix(tmp_path, "open", "sigint", path, str(tree))
    assert proc.returncode == 130, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    assert path.read_text() == FIXABLE
    assert leftovers(tree) == []


def test_sigint_just_before_the_swap_leaves_the_file_as_it_was(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "client.py"
    path.write_text(FIXABLE)
    proc = hooked_fix(tmp_path, "os.rename", "sigint", path, str(tree))
    assert proc.returncode == 130, proc.stderr[-2000:]
    assert path.read_text() == FIXABLE
    assert leftovers(tree) == []


def big_fixable(megabytes: int) -> str:
    padding = "x" * (megabytes * 1024 * 1024)
    return f"import requests\nPADDING = '{padding}'\nrequests.get('https://h/', verify=False)\n"


def test_sigint_at_any_moment_of_a_large_write_leaves_old_or_new_bytes(tmp_path: Path):
    """A real interrupt from outside, sent as soon as the temporary file appears."""
    import signal
    import subprocess
    import sys
    import time

    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "big.py"
    source = big_fixable(30)
    path.write_text(source)
    proc = subprocess.Popen([sys.executable, "-m", "egress_lint", "fix", "--unsafe-fixes", str(tree)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not leftovers(tree):
        time.sleep(0.0005)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err, err[-2000:]
    assert path.read_text() in (source, source.replace(", verify=False", ""))
    assert leftovers(tree) == []


def test_a_full_disk_leaves_the_file_whole(tmp_path: Path):
    import sys

    from tests.helpers import run

    tree = tmp_path / "tree"
    tree.mkdir()
    big = tree / "big.py"
    source = "import requests\n" + "PADDING = '" + "y" * 300_000 + "'\nrequests.get('https://h/', verify=False)\n"
    big.write_text(source)
    (tree / "small.py").write_text(FIXABLE)
    proc = run(["bash", "-c", 'ulimit -f 100 && exec "$0" -m egress_lint fix --unsafe-fixes "$1"',
                sys.executable, str(tree)])
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert big.read_text() == source
    assert (tree / "small.py").read_text() == FIXED
    messages = [line for line in proc.stderr.splitlines() if line.startswith("egress-lint: ")]
    assert messages == [f"egress-lint: {big}: cannot write: File too large; left unchanged"], proc.stderr
    assert leftovers(tree) == []


def test_an_edit_made_while_fix_runs_is_not_overwritten(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "client.py"
    path.write_text(FIXABLE)
    proc = hooked_fix(tmp_path, "open", "append", path, str(tree))
    assert proc.returncode == 2, proc.stderr
    assert path.read_text() == FIXABLE + "# edited while fix ran\n"
    assert f"egress-lint: {path}: changed while it was being fixed; left unchanged, run fix again" \
        in proc.stderr.splitlines()
    assert leftovers(tree) == []


def test_an_edit_of_the_same_size_and_time_is_not_overwritten(tmp_path: Path):
    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "client.py"
    path.write_text(FIXABLE)
    proc = hooked_fix(tmp_path, "open", "same-size", path, str(tree))
    assert proc.returncode == 2, proc.stderr
    assert path.read_text() == FIXABLE.replace("https://h/", "https://g/")
    assert f"egress-lint: {path}: changed while it was being fixed; left unchanged, run fix again" \
        in proc.stderr.splitlines()


def test_fix_never_writes_through_a_symlink_out_of_the_tree(tmp_path: Path):
    tree, outside = tmp_path / "tree", tmp_path / "outside"
    tree.mkdir()
    outside.mkdir()
    victim = outside / "victim.py"
    victim.write_text(FIXABLE)
    link = tree / "link.py"
    link.symlink_to("../outside/victim.py")
    (tree / "ok.py").write_text(FIXABLE)
    proc = egress_lint("fix", "--unsafe-fixes", str(tree))
    assert proc.returncode == 2, proc.stderr
    assert victim.read_text() == FIXABLE
    assert link.is_symlink() and os.readlink(link) == "../outside/victim.py"
    assert (tree / "ok.py").read_text() == FIXED
    assert f"egress-lint: {link}: is a symbolic link to a file outside the checked files; left unchanged" \
        in proc.stderr.splitlines()
    assert f"{link}:2:1: EGR101" in proc.stdout  # its finding remains


def test_a_symlink_to_a_checked_file_is_fixed_once_through_its_target(tmp_path: Path):
    (tmp_path / "real.py").write_text(FIXABLE)
    (tmp_path / "alias.py").symlink_to("real.py")
    proc = egress_lint("fix", "--unsafe-fixes", str(tmp_path))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "real.py").read_text() == FIXED
    assert (tmp_path / "alias.py").is_symlink()
    assert "\nFixed 1 finding in 1 file.\n" in proc.stdout and "alias.py" not in proc.stdout


def test_fix_on_a_read_only_file_is_one_line_and_exit_2(tmp_path: Path):
    readonly = tmp_path / "readonly.py"
    readonly.write_text(FIXABLE)
    os.chmod(readonly, 0o444)
    (tmp_path / "writable.py").write_text(FIXABLE)
    proc = egress_lint("fix", "--unsafe-fixes", str(tmp_path))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert readonly.read_text() == FIXABLE
    assert (tmp_path / "writable.py").read_text() == FIXED
    messages = [line for line in proc.stderr.splitlines() if line.startswith("egress-lint: ")]
    assert messages == [f"egress-lint: {readonly}: cannot write: the file is read-only; left unchanged"]


def test_fix_on_code_libcst_cannot_parse_is_one_line_and_exit_2(tmp_path: Path):
    # Python 3.6 code: ast's oldest grammar reads `async` as a name, libcst does not.
    old = tmp_path / "old.py"
    source = "import requests\n\n\ndef fetch(async=False):\n    return requests.get('https://h/', verify=False)\n"
    old.write_text(source)
    # libcst only sees the statements that hold a finding: an `async` name elsewhere does not matter.
    elsewhere = tmp_path / "elsewhere.py"
    elsewhere.write_text("import requests\nasync = 1\nrequests.get('https://h/', verify=False)\n")
    (tmp_path / "zz.py").write_text(FIXABLE)
    proc = egress_lint("fix", "--unsafe-fixes", str(tmp_path))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert old.read_text() == source
    assert elsewhere.read_text() == "import requests\nasync = 1\nrequests.get('https://h/')\n"
    assert (tmp_path / "zz.py").read_text() == FIXED
    messages = [line for line in proc.stderr.splitlines() if line.startswith("egress-lint: ")]
    assert messages == [f"egress-lint: {old}: the fixer cannot parse this file (libcst: syntax error near line 5); "
                        "fix it by hand"], proc.stderr
    assert f"{old}:5:12: EGR101" in proc.stdout


def test_a_file_with_another_hard_link_is_left_whole(tmp_path: Path):
    """Replacing one name of a hard-linked file would leave the other name with the old bytes."""
    tree = tmp_path / "tree"
    tree.mkdir()
    path = tree / "client.py"
    path.write_text(FIXABLE)
    os.link(path, tmp_path / "other-name.py")
    proc = egress_lint("fix", "--unsafe-fixes", str(tree))
    assert proc.returncode == 2, proc.stderr
    assert path.read_text() == FIXABLE and os.stat(path).st_nlink == 2
    assert f"egress-lint: {path}: cannot write: the file has 2 hard links and replacing it would separate them; " \
           "left unchanged" in proc.stderr.splitlines()
