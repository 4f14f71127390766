"""Dependencies declared fully and reproducibly: bounded ranges in pyproject.toml, exact
pins in constraints.txt that every `make` install uses, test tools only for `make test`."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import pytest
from factories import REPO
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version


def pyproject() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def pins() -> dict[str, Version]:
    found = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if match := re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.strip()):
            found[canonicalize_name(match[1])] = Version(match[2])
    return found


def test_every_runtime_dependency_has_a_lower_and_an_upper_bound():
    for line in pyproject()["dependencies"]:
        operators = {spec.operator for spec in Requirement(line).specifier}
        assert ">=" in operators and "<" in operators, line


def test_the_license_is_an_spdx_expression():
    assert pyproject()["license"] == "Apache-2.0"


def test_constraints_pin_every_declared_dependency_within_its_range():
    """Fails after a dependency is added or its range changed without `make lock`."""
    pinned = pins()
    project = pyproject()
    extras = [line for group in project["optional-dependencies"].values() for line in group]
    declared = [Requirement(line) for line in project["dependencies"] + extras]
    for requirement in declared:
        name = canonicalize_name(requirement.name)
        if name == canonicalize_name(project["name"]):
            continue  # an extra naming another extra of quotedb ("quotedb[cluster]")
        assert name in pinned, f"{requirement.name} is not in constraints.txt; run `make lock`"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"constraints.txt pins {name}=={pinned[name]}, outside {requirement}; run `make lock`")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_installs_from_the_constraints_and_the_test_tools_only_for_make_test(tmp_path):
    def commands(target: str) -> list[str]:
        venv = tmp_path / "venv"  # a venv that does not exist: make lists every step
        done = subprocess.run(["make", "-n", target, f"VENV={venv}"], cwd=REPO, capture_output=True, text=True, check=True)
        return [line for line in done.stdout.splitlines() if "pip install" in line]

    serve, test = commands("serve"), commands("test")
    assert serve and test
    assert all("--constraint constraints.txt" in line for line in serve + test)
    assert not any("[test]" in line for line in serve)
    assert any("[test]" in line for line in test)
