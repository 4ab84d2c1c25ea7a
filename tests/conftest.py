from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def private_user_cache(tmp_path_factory) -> None:
    """Runs of the CLI (also in subprocesses, which inherit the environment) keep their result cache
    and machine key in a folder of this test session, never in the user's own cache folder."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def root() -> Path:
    return ROOT
