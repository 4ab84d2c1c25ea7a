"""Requests made through methods a class inherits, on the fixture project
tests/fixtures/projects/gallery (files on disk), through the CLI, flake8 and the cache: a base
class of another module (or of the same module) makes the request in a method that forwards a URL
or ``**kwargs`` (``fetch``), or in one that calls such a method (``fetch_json``); a subclass call
``self.fetch_json(url, params={...})`` is the request, judged where it is written. So is a call
on an instance of such a subclass that another class keeps (``self.site.fetch_json(...)``, the
site every construction of that class in the module hands it). Base classes are followed when
imported by name (``from .base import SiteClient``) and when read from an imported module
(``base.SiteClient`` after ``from . import base``), also in the modules the bases come from."""
import shutil
from pathlib import Path

import pytest

from .conftest import FIXTURES
from .helpers import cached_dependencies, check_project, flake8, parse_lines, project_expectations

GALLERY = FIXTURES / "projects" / "gallery"


@pytest.fixture
def gallery(tmp_path) -> Path:
    target = tmp_path / "gallery"
    shutil.copytree(GALLERY, target)
    return target


def test_cli_reports_exactly_the_annotated_findings():
    proc, found = check_project(GALLERY, "--no-cache")
    assert found == project_expectations(GALLERY, "ruleid")
    assert not found & project_expectations(GALLERY, "ok")
    lines = proc.stdout.splitlines()
    # the request at the end of the chain is named: fetch_json() calls fetch(), which makes it
    assert "picsource/albums.py:14:16: EGR302 fetch_json() (through requests.Session.request() at " \
           "picsource/base.py:17) puts a credential in the URL (query key api_key)" in lines
    assert "picsource/local.py:17:16: EGR302 call() (through requests.Session.get() on line 11) puts a " \
           "credential in the URL (query key access_token)" in lines
    # an API class sends through the site object its constructions hand it (``CatalogApi(self)``)
    assert "picsource/catalog.py:30:16: EGR302 fetch_json() (through requests.Session.request() at " \
           "picsource/base.py:17) puts a credential in the URL (query key key)" in lines
    # a base class of another module keeps the site its subclasses' constructions hand over and
    # forwards to it: self.call(...) in VideoApi reaches SiteClient.fetch through self.site
    assert "picsource/videos.py:19:16: EGR302 call() (through requests.Session.request() at " \
           "picsource/base.py:17) puts a credential in the URL (query key api_key)" in lines
    # a mixin's self.fetch_json: every class of the module that mixes it in has the inherited helper
    assert "picsource/shares.py:54:16: EGR302 fetch_json() (through requests.Session.request() at " \
           "picsource/base.py:17) puts a credential in the URL (query key token)" in lines
    # a mixin mixed only into classes whose bases are read from modules (``feeds.TagFeed``, whose
    # base's base is ``base.SiteClient``): they all inherit the same fetch_json
    # an API object that a site class and two of its subclasses construct: the three differ, but
    # all have the same fetch
    assert "picsource/photos.py:31:16: EGR302 call() (through requests.Session.request() at " \
           "picsource/base.py:17) puts a credential in the URL (query key api_key)" in lines
    assert "picsource/mirrors.py:13:16: EGR302 fetch_json() (through requests.Session.request() at " \
           "picsource/base.py:17) puts a credential in the URL (query key api_key)" in lines


@pytest.mark.parametrize("module", ["picsource/albums.py", "picsource/shares.py", "picsource/local.py",
                                    "picsource/forums.py", "picsource/maps.py", "picsource/catalog.py",
                                    "picsource/videos.py", "picsource/mirrors.py", "picsource/feeds.py",
                                    "picsource/photos.py"])
def test_flake8_on_one_module_follows_the_inherited_methods(module):
    proc = flake8("--select", "EGR", module, cwd=GALLERY)
    assert "internal error" not in proc.stderr, proc.stderr
    found = {(int(f["line"]), f["code"]) for f in parse_lines(proc.stdout)}
    assert found == {(line, code) for rel, line, code in project_expectations(GALLERY, "ruleid") if rel == module}


def test_a_base_class_that_stops_making_the_request_rechecks_the_subclass(gallery, tmp_path):
    cache = tmp_path / "cache"
    _, first = check_project(gallery, "--cache-dir", str(cache))
    assert ("picsource/albums.py", 14, "EGR302") in first
    assert any(dep.endswith("base.py") for dep in cached_dependencies(cache, "albums.py"))

    base = gallery / "picsource" / "base.py"
    base.write_text(base.read_text().replace("session.request(method, url, **kwargs)", "session.history(url)"))
    _, second = check_project(gallery, "--cache-dir", str(cache))
    assert {f for f in second if f[0] in ("picsource/albums.py", "picsource/shares.py")} == set()
    assert ("picsource/local.py", 17, "EGR302") in second


def test_a_base_read_from_a_module_is_a_dependency_of_the_subclass(gallery, tmp_path):
    cache = tmp_path / "cache"
    _, first = check_project(gallery, "--cache-dir", str(cache))
    assert ("picsource/mirrors.py", 13, "EGR302") in first
    dependencies = cached_dependencies(cache, "mirrors.py")
    assert any(dep.endswith("feeds.py") for dep in dependencies)
    assert any(dep.endswith("base.py") for dep in dependencies)

    feeds = gallery / "picsource" / "feeds.py"
    feeds.write_text(feeds.read_text().replace("class FeedSite(base.SiteClient):", "class FeedSite:"))
    _, second = check_project(gallery, "--cache-dir", str(cache))
    assert not {f for f in second if f[0] == "picsource/mirrors.py"}
