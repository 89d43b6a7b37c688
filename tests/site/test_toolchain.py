"""CI gates publishing, every action is pinned, the lock has one toolchain, and the contributor
files are valid."""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections import defaultdict

import jsonschema
import pytest
import yaml

from tests.site import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
SHA_PIN = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+\.\d+\.\d+\s*$")


def workflow(name: str) -> dict:
    return yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_every_push_and_pull_request_runs_the_projects_own_ci():
    ci = workflow("ci.yml")
    triggers = ci[True]  # YAML reads the key `on` as True
    assert "push" in triggers and "pull_request" in triggers
    steps = [step.get("run", "") for step in ci["jobs"]["test"]["steps"]]
    assert "bash .ci/run" in steps


DIGEST = re.compile(r"^FROM debian:[\w.-]+@sha256:[0-9a-f]{64}$", re.M)


def test_every_container_is_the_image_that_ci_dockerfile_pins_by_digest():
    """Dependabot can bump a Dockerfile, not a workflow's container line: the workflows read it."""
    assert DIGEST.search((ROOT / ".ci" / "Dockerfile").read_text(encoding="utf-8"))
    jobs = workflow("ci.yml")["jobs"]
    containers = {name: job["container"] for name, job in jobs.items() if "container" in job}
    assert set(containers) == {"test", "upstream", "site"}
    for name, container in containers.items():
        assert container["image"] == "${{ needs.image.outputs.ref }}", name
        assert "image" in jobs[name]["needs"], name
    assert "sed -n 's/^FROM //p' .ci/Dockerfile" in jobs["image"]["steps"][-1]["run"]


def test_deploying_needs_the_tests_and_the_default_branch():
    jobs = workflow("ci.yml")["jobs"]
    assert "test" in jobs["site"]["needs"] and jobs["deploy"]["needs"] == "site"
    assert "github.event.repository.default_branch" in jobs["site"]["if"]
    assert "github.event_name == 'push'" in jobs["site"]["if"]
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    runs = [step.get("run", "") for step in jobs["site"]["steps"]]
    assert "make site" in runs
    assert any("make site SITE_DIR=" in run and "diff -r site " in run for run in runs), (
        "the published site is built twice and compared"
    )
    assert any("SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)" in run for run in runs)
    assert not [s for s in jobs["site"]["steps"] if "cache" in s.get("uses", "")], "it publishes"
    assert jobs["upstream"]["continue-on-error"] is True
    assert "uv lock --upgrade" in "\n".join(s.get("run", "") for s in jobs["upstream"]["steps"])


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_tag(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert SHA_PIN.match(line), (
            f"{path.name}: not pinned by SHA with a version comment: {line.strip()}"
        )


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_write_permissions_are_per_job_and_only_where_needed(path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert flow.get("permissions") == {}, "nothing is granted to the whole workflow"
    for name, job in flow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        assert writes <= {"pages", "id-token"}, (name, writes)
        if writes:
            assert name in {"deploy", "publish"}, f"{name} may not write {writes}"


def checkouts(path):
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        step
        for job in flow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/checkout@")
    ]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_checkout_keeps_its_token(path):
    for step in checkouts(path):
        assert step.get("with", {}).get("persist-credentials") is False, step


def test_the_release_resolves_nothing_fresh_and_restores_no_cache():
    release = workflow("release.yml")
    assert release["env"]["UV_NO_CACHE"] == "1"
    steps = [step for job in release["jobs"].values() for step in job["steps"]]
    runs = "\n".join(step.get("run", "") for step in steps)
    uses = [step.get("uses", "") for step in steps]
    assert not [u for u in uses if "cache" in u or "setup-uv" in u]
    assert "uv build" not in runs and "uvx" not in runs and "pip install" not in runs
    assert "make .uv/bin/uv" in runs  # uv by hash
    assert "uv sync --frozen --no-install-project --only-group release" in runs
    assert ".venv/bin/python -m hatchling build" in runs and ".venv/bin/twine check" in runs
    groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    assert {r.split(">")[0] for r in groups["release"]} == {"hatchling", "twine"}


def test_uv_is_installed_by_hash():
    requirements = (ROOT / ".ci" / "requirements-uv.txt").read_text(encoding="utf-8")
    pins = re.findall(r"^(\S+)==(\S+) \\$", requirements, re.M)
    assert [name for name, _ in pins] == ["uv"]
    assert len(re.findall(r"--hash=sha256:[0-9a-f]{64}", requirements)) >= 10  # every platform
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes --only-binary :all: --no-deps -r $(UV_REQUIREMENTS)" in makefile
    assert "UV_REQUIREMENTS := .ci/requirements-uv.txt" in makefile
    assert "export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct" in makefile


def test_the_lock_holds_one_version_of_every_package():
    if os.environ.get("VECNN_UPSTREAM"):
        pytest.skip("the weekly upstream job lifts the toolchain's caps on purpose")
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    versions = defaultdict(set)
    for package in lock["package"]:
        versions[package["name"]].add(package["version"])
    forks = {name: sorted(v) for name, v in versions.items() if len(v) > 1}
    assert not forks, f"uv.lock resolves these packages more than one way: {forks}"


def test_the_citation_file_is_valid_and_current():
    schema = json.loads(
        (ROOT / "tests" / "site" / "data" / "citation-file-format-1.2.0.schema.json").read_text()
    )
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    jsonschema.validate(citation, schema, cls=jsonschema.Draft7Validator)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert str(citation["version"]) == version


def test_the_changelog_and_the_contributing_guide():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in changelog and "## Unreleased" in changelog
    assert re.search(rf"^## {re.escape(version)} - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.M)
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for topic in [
        "## Write a page",
        "## Add a figure",
        "## Add a snippet",
        "## Add an exercise",
        "## Browser tests and the audit",
    ]:
        assert topic in guide


def test_an_invalid_citation_is_caught():
    """The validation above can fail: a citation without authors is refused."""
    schema = json.loads(
        (ROOT / "tests" / "site" / "data" / "citation-file-format-1.2.0.schema.json").read_text()
    )
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    del citation["authors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(citation, schema, cls=jsonschema.Draft7Validator)
