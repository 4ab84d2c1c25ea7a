"""The project: names imported from the project's own modules, through the CLI, flake8, the cache
and the inventory, on the fixture project tests/fixtures/projects/shop (files on disk)."""
import json
import re
import shutil
from pathlib import Path

import pytest

from egress_lint.annotations import expectations

from .conftest import FIXTURES
from .helpers import cached_dependencies, check_project, egress_lint, flake8, parse_lines, project_expectations

SHOP = FIXTURES / "projects" / "shop"
FILES = sorted(p for p in SHOP.rglob("*.py"))


def _expected(kind: str):
    return project_expectations(SHOP, kind)


@pytest.fixture
def shop(tmp_path) -> Path:
    target = tmp_path / "shop"
    shutil.copytree(SHOP, target)
    return target


def test_cli_reports_exactly_the_annotated_project_findings():
    _, found = check_project(SHOP, "--no-cache")
    assert not _expected("ruleid") - found, f"not reported: {sorted(_expected('ruleid') - found)}"
    assert not found - _expected("ruleid") - _expected("todoruleid"), \
        f"reported but not annotated: {sorted(found - _expected('ruleid'))}"
    assert not found & _expected("ok")


def test_messages_name_the_file_and_line_the_value_came_from():
    proc, _ = check_project(SHOP, "--no-cache")
    lines = proc.stdout.splitlines()
    assert "myapp/report.py:9:5: EGR101 requests.get() disables certificate verification " \
           "(verify=False via myapp/settings.py:2)" in lines
    assert "scripts/nightly.py:7:1: EGR101 requests.get() disables certificate verification " \
           "(verify=False via myapp/settings.py:2)" in lines
    assert "myapp/jobs.py:11:5: EGR101 requests.Session.post() disables certificate verification " \
           "(client verify = False via myapp/http.py:9)" in lines
    assert "myapp/jobs.py:13:5: EGR101 httpx.Client.get() disables certificate verification " \
           "(client verify=False via myapp/http.py:22)" in lines


def test_flake8_resolves_the_project_like_the_cli():
    proc = flake8("--select", "EGR", "myapp", "scripts", cwd=SHOP)
    assert "internal error" not in proc.stderr, proc.stderr
    found = {(f["path"], int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    _, cli = check_project(SHOP, "--no-cache")
    assert found == cli
    assert any("via myapp/settings.py:2" in f["message"] for f in parse_lines(proc.stdout))


def test_flake8_on_one_module_reads_its_siblings_from_disk():
    proc = flake8("--select", "EGR", "myapp/jobs.py", cwd=SHOP)
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    assert found == {(line, code) for rel, line, code in _expected("ruleid") if rel == "myapp/jobs.py"}


def test_editing_a_dependency_rechecks_the_files_that_read_it(shop, tmp_path):
    cache = tmp_path / "cache"
    _, first = check_project(shop, "--cache-dir", str(cache))
    assert ("myapp/report.py", 9, "EGR101") in first and ("scripts/nightly.py", 7, "EGR101") in first
    assert any(dep.endswith("settings.py") for dep in cached_dependencies(cache, "report.py"))

    settings = shop / "myapp" / "settings.py"
    settings.write_text(settings.read_text().replace("VERIFY_SSL = False", "VERIFY_SSL = True"))
    _, second = check_project(shop, "--cache-dir", str(cache))
    assert {f for f in first if f[0] in ("myapp/report.py", "scripts/nightly.py") and f[2] == "EGR101"} - second \
        == {("myapp/report.py", 9, "EGR101"), ("myapp/report.py", 13, "EGR101"), ("scripts/nightly.py", 7, "EGR101")}
    assert ("myapp/jobs.py", 9, "EGR201") in second  # a file that did not read settings.py: still reported

    settings.write_text(settings.read_text().replace("VERIFY_SSL = True", "VERIFY_SSL = False"))
    _, third = check_project(shop, "--cache-dir", str(cache))
    assert third == first


def test_editing_a_client_module_rechecks_its_importers(shop, tmp_path):
    cache = tmp_path / "cache"
    check_project(shop, "--cache-dir", str(cache))
    http = shop / "myapp" / "http.py"
    http.write_text(http.read_text().replace("        self.verify = False\n", "        self.verify = True\n"))
    _, after = check_project(shop, "--cache-dir", str(cache))
    assert not {f for f in after if f[0] == "myapp/jobs.py" and f[1] in (11, 15) and f[2] == "EGR101"}


def test_inventory_shows_hosts_defined_in_settings():
    proc = egress_lint("inventory", "--format", "json", ".", cwd=SHOP)
    assert proc.returncode == 0, proc.stderr
    rows = {(r["path"], r["line"]): r for r in json.loads(proc.stdout)["connections"]}
    assert (rows[("myapp/report.py", 11)]["scheme"], rows[("myapp/report.py", 11)]["host"]) == ("http", "hooks.acme.io")
    assert rows[("myapp/report.py", 9)]["host"] == "hooks.acme.io"
    assert rows[("myapp/report.py", 9)]["tls"] == "disabled"
    assert rows[("myapp/jobs.py", 13)]["tls"] == "disabled"  # a client made unverified in http.py
    assert rows[("myapp/plain.py", 5)]["tls"] == "verified"


def test_a_module_level_requests_name_bound_to_the_project_is_not_the_library():
    proc, found = check_project(SHOP, "--no-cache")
    # ``requests`` is the project's http module there: its get() is the helper, not the library's
    assert not re.search(r"^myapp/(?:jobs\.py:20|tasks\.py:(?:10|16)):\d+: EGR\d+ (?:\[.\] )?requests\.",
                         proc.stdout, re.M)
    assert re.search(r"^myapp/jobs\.py:20:5: EGR101 get\(\) \(through ", proc.stdout, re.M)
    assert re.search(r"^myapp/plain\.py:7:1: EGR101 (?:\[~\] )?requests\.get\(\)", proc.stdout, re.M)


def test_a_helper_of_another_module_is_a_request_at_each_call():
    proc, _ = check_project(SHOP, "--no-cache")
    lines = proc.stdout.splitlines()
    through = "get() (through requests.Session.get() at myapp/http.py:17)"
    assert f"myapp/jobs.py:20:5: EGR101 {through} disables certificate verification " \
           "(verify=False via myapp/http.py:13)" in lines
    assert f"myapp/jobs.py:22:5: EGR201 [~] {through} sends a request over plain HTTP to " \
           "http://api.acme.io/wrapped" in lines
    fetch = "fetch() (through requests.get() at myapp/client.py:9)"
    assert f"myapp/tasks.py:10:5: EGR101 {fetch} disables certificate verification " \
           "(verify=False via myapp/client.py:4)" in lines
    assert f"myapp/tasks.py:12:5: EGR201 [~] {fetch} sends a request over plain HTTP to " \
           "http://api.acme.io/feed" in lines
    # the helper's own request is not judged for a URL its callers pass
    assert not any(line.startswith(("myapp/client.py:", "myapp/http.py:17:")) for line in lines)


def test_flake8_on_a_module_that_imports_no_library_follows_the_helpers_it_calls():
    proc = flake8("--select", "EGR", "myapp/tasks.py", cwd=SHOP)
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    assert found == {(line, code) for rel, line, code in _expected("ruleid") if rel == "myapp/tasks.py"}
    assert any("via myapp/client.py:4" in f["message"] for f in parse_lines(proc.stdout))


def test_an_import_cycle_resolves_to_unknown(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("import requests\nfrom .b import URL\nrequests.get(URL)\n")
    (tmp_path / "pkg" / "b.py").write_text("from .a import URL\n")
    proc, found = check_project(tmp_path, "--no-cache")
    assert found == set() and proc.returncode == 0


def test_arguments_passed_in_other_modules_are_the_values_of_a_parameter():
    proc, found = check_project(SHOP, "--no-cache")
    lines = proc.stdout.splitlines()
    assert "myapp/checks.py:7:12: EGR101 requests.get() disables certificate verification " \
           "(verify=False via argument of probe(), myapp/tasks.py:25)" in lines
    assert "myapp/checks.py:17:12: EGR101 requests.head() disables certificate verification " \
           "(verify=False via argument of ping(), myapp/tasks.py:28)" in lines
    # strict_probe(): every caller (in tasks.py) passes True
    assert not any(path == "myapp/checks.py" and line == 12 for path, line, _ in found)


def test_flake8_on_one_module_reads_the_callers_of_its_functions_from_disk():
    proc = flake8("--select", "EGR", "myapp/checks.py", cwd=SHOP)
    messages = {(int(f["line"]), f["code"]): f["message"] for f in parse_lines(proc.stdout)}
    assert set(messages) == {(7, "EGR101"), (17, "EGR101")}
    assert "via argument of probe(), myapp/tasks.py:25" in messages[(7, "EGR101")]


def test_editing_a_caller_in_another_module_rechecks_the_function_it_calls(shop, tmp_path):
    cache = tmp_path / "cache"
    _, first = check_project(shop, "--cache-dir", str(cache))
    assert ("myapp/checks.py", 7, "EGR101") in first
    tasks = shop / "myapp" / "tasks.py"
    text = tasks.read_text()
    assert 'probe("https://status.acme.io/a", VERIFY)' in text
    tasks.write_text(text.replace('probe("https://status.acme.io/a", VERIFY)', 'probe("https://status.acme.io/a", STRICT)'))
    _, second = check_project(shop, "--cache-dir", str(cache))
    assert ("myapp/checks.py", 7, "EGR101") not in second
    assert ("myapp/checks.py", 17, "EGR101") in second


def test_self_attributes_come_from_base_classes_of_other_modules():
    proc, _ = check_project(SHOP, "--no-cache")
    lines = proc.stdout.splitlines()
    assert "myapp/api.py:14:16: EGR101 requests.Session.get() disables certificate verification " \
           "(verify=False via myapp/base.py:10)" in lines
    assert "myapp/api.py:34:16: EGR101 requests.Session.post() disables certificate verification " \
           "(verify=False via myapp/base.py:10)" in lines
    assert "myapp/api.py:43:5: EGR101 requests.Session.get() disables certificate verification " \
           "(client verify = False via myapp/http.py:9)" in lines


def test_flake8_on_a_subclass_module_reads_its_base_classes_from_disk():
    proc = flake8("--select", "EGR", "myapp/api.py", cwd=SHOP)
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    assert found == {(line, code) for rel, line, code in _expected("ruleid") if rel == "myapp/api.py"}


def test_class_attributes_of_a_plain_class_in_another_module():
    proc, found = check_project(SHOP, "--no-cache")
    lines = proc.stdout.splitlines()
    assert "myapp/report.py:20:5: EGR101 requests.post() disables certificate verification " \
           "(verify=False via myapp/settings.py:11)" in lines
    assert "myapp/report.py:22:5: EGR201 requests.post() sends a request over plain HTTP to " \
           "http://hooks.acme.io/v1/send" in lines
    assert ("myapp/report.py", 26, "EGR101") in found  # conf.Config.VERIFY
    assert not any(path == "myapp/report.py" and line == 24 for path, line, _ in found)  # Config.STRICT


MONOREPO = FIXTURES / "projects" / "monorepo"


def _monorepo_expected():
    path = MONOREPO / "tools" / "sync.py"
    return {("tools/sync.py", line, code) for line, code in expectations(path.read_text().splitlines())["ruleid"]}


def test_configured_src_roots_resolve_the_project_in_the_cli_and_flake8():
    proc, found = check_project(MONOREPO, "--no-cache")
    assert found == _monorepo_expected() == {("tools/sync.py", 7, "EGR101")}
    assert "via lib/corp/settings.py:1)" in proc.stdout
    proc = flake8("--select", "EGR", "tools", cwd=MONOREPO)
    assert {(f["path"], int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)} == _monorepo_expected()


def test_src_globs_and_environment_variables_name_every_matching_folder(tmp_path):
    """ruff's src reading: `packages/*` is each folder it matches, `$VAR` and `~` are expanded, and a
    pattern that matches nothing adds no root."""
    for package, value in (("alpha", "False"), ("beta", "True")):
        (tmp_path / "packages" / package / package).mkdir(parents=True)
        (tmp_path / "packages" / package / package / "__init__.py").write_text("")
        (tmp_path / "packages" / package / package / "settings.py").write_text(f"VERIFY_SSL = {value}\n")
    (tmp_path / "vendor" / "gamma").mkdir(parents=True)
    (tmp_path / "vendor" / "gamma" / "__init__.py").write_text("VERIFY_SSL = False\n")
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "sync.py").write_text(
        "import requests\n\nfrom alpha.settings import VERIFY_SSL\nfrom beta.settings import VERIFY_SSL as STRICT\n"
        "from gamma import VERIFY_SSL as VENDORED\n\n"
        "requests.get('https://sync.acme.io/a', verify=VERIFY_SSL)\n"
        "requests.get('https://sync.acme.io/b', verify=STRICT)\n"
        "requests.get('https://sync.acme.io/c', verify=VENDORED)\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.egress-lint]\nsrc = ["packages/*", "$VENDOR_ROOT", "missing/*"]\n')
    env = {"VENDOR_ROOT": "vendor"}
    proc, found = check_project(tmp_path, "--no-cache", env=env)
    assert found == {("tools/sync.py", 7, "EGR101"), ("tools/sync.py", 9, "EGR101")}, proc.stdout
    assert "via packages/alpha/alpha/settings.py:1)" in proc.stdout
    proc = flake8("--select", "EGR", "tools", cwd=tmp_path, env=env)
    assert {(f["path"], int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)} == \
        {("tools/sync.py", 7, "EGR101"), ("tools/sync.py", 9, "EGR101")}


def test_without_src_the_package_under_lib_is_not_found_and_egress_src_gives_it_to_flake8(tmp_path):
    target = tmp_path / "monorepo"
    shutil.copytree(MONOREPO, target)
    (target / "pyproject.toml").write_text("[project]\nname = \"monorepo\"\n")
    _, found = check_project(target, "--no-cache")
    assert found == set()  # corp is not under the project folder or its src/
    proc = flake8("--select", "EGR", "--egress-src", "lib", "tools", cwd=target)
    assert {(f["path"], int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)} == _monorepo_expected()


def test_a_module_read_without_hashing_makes_a_result_that_no_cache_reuses(shop):
    """A run without a cache does not hash the modules it reads; a result that depends on one then
    names it with an empty hash, which never matches the file, so no cache entry rests on it."""
    from egress_lint.analysis import project
    from egress_lint.cache import content_hash
    from egress_lint.config import Settings
    from egress_lint.engine import check_source

    report = shop / "myapp" / "report.py"
    settings = str(shop / "myapp" / "settings.py")
    project.reset()
    try:
        unhashed = check_source(report.read_bytes(), str(report), Settings(), dependencies=False)
        assert unhashed.dependencies.get(settings) == ""
        again = check_source(report.read_bytes(), str(report), Settings())  # the same process, now for a cache
        assert again.dependencies.get(settings) == ""  # read before without a hash: never a match
        project.reset()
        hashed = check_source(report.read_bytes(), str(report), Settings())
        assert hashed.dependencies.get(settings) == content_hash(Path(settings).read_bytes())
        assert [(d.line, d.code) for d in unhashed.diagnostics] == [(d.line, d.code) for d in hashed.diagnostics]
    finally:
        project.reset()
