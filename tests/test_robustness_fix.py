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
