"""atheris fuzz target: arbitrary bytes through the whole engine must never raise nor report an
internal error, and must give the same answer twice.

Run (atheris is not a project dependency):

    python3 -m pip install atheris
    PYTHONPATH=src python3 fuzz/fuzz_engine.py -atheris_runs=100000 fuzz/corpus

Seed the corpus with real code so mutations start from something that parses, for example
`mkdir -p fuzz/corpus && cp tests/fixtures/*.py examples/payments_service/*.py fuzz/corpus/`.
A crash is written to ./crash-<hash>; replay it with `PYTHONPATH=src python3 fuzz/fuzz_engine.py crash-<hash>`.
"""
import sys

import atheris

with atheris.instrument_imports():
    from egress_lint.config import Settings
    from egress_lint.engine import check_source

SETTINGS = Settings()


def test_one_input(data: bytes) -> None:
    first = check_source(data, "fuzzed.py", SETTINGS, use_precheck=False)
    if first.internal_errors:
        raise AssertionError(first.internal_errors)
    again = check_source(data, "fuzzed.py", SETTINGS, use_precheck=False)
    if (again.diagnostics, again.error) != (first.diagnostics, first.error):
        raise AssertionError("two runs over the same bytes disagree")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
