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

from tests.conftest import ROOT

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
    assert ci["jobs"]["test"]["container"]["image"].startswith("debian:")


def test_deploying_needs_the_tests_and_the_default_branch():
    jobs = workflow("ci.yml")["jobs"]
    assert jobs["site"]["needs"] == "test" and jobs["deploy"]["needs"] == "site"
    assert "github.event.repository.default_branch" in jobs["site"]["if"]
    assert "github.event_name == 'push'" in jobs["site"]["if"]
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert "make site" in [step.get("run") for step in jobs["site"]["steps"]]
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
        (ROOT / "tests" / "data" / "citation-file-format-1.2.0.schema.json").read_text()
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


def test_dependabot_watches_actions_python_and_npm():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "uv", "npm"}


def test_an_invalid_citation_is_caught():
    """The validation above can fail: a citation without authors is refused."""
    schema = json.loads(
        (ROOT / "tests" / "data" / "citation-file-format-1.2.0.schema.json").read_text()
    )
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    del citation["authors"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(citation, schema, cls=jsonschema.Draft7Validator)
