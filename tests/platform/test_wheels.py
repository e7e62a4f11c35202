"""The pinned dependencies install from wheels alone on every platform peers use.

A dependency without a wheel for a platform means a C compiler on the peer's
laptop, which Windows and macOS laptops (and car terminals) do not have. So for
each target, `pip download --only-binary=:all: --platform ...` must resolve the
whole set (pure-Python packages come as py3-none-any). What this proves: the
files exist and the versions fit together; not that they run there.

A dependency may carry an environment marker (pyrage and cryptography publish no
Windows-on-Arm wheel, so they are left out there and team keys say so): markers are
evaluated for each target, since pip download would evaluate them for this machine.
macOS wheels may be universal2 (both architectures in one file).

Linux: sqlcipher3 ships manylinux_2_28 wheels only, so a Linux machine needs glibc
2.28 or newer; pydantic-core's wheels say manylinux2014 (2.17), which such a system
also takes, hence three platform tags for one Linux target.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PYTHON = "3.11"
TARGETS = {
    "windows-x64": ["win_amd64"],
    "windows-arm64": ["win_arm64"],
    "macos-arm64": ["macosx_11_0_arm64"],
    # pip also takes the older macosx_10_* wheels of the architecture, not universal2 ones.
    "macos-x86_64": ["macosx_11_0_x86_64", "macosx_10_9_universal2"],
    "linux-x86_64": ["manylinux_2_28_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"],
    "linux-aarch64": [
        "manylinux_2_28_aarch64",
        "manylinux_2_17_aarch64",
        "manylinux2014_aarch64",
    ],
}
# The marker environment of each target (what pip on that machine would evaluate).
TARGET_MARKERS = {
    "windows-x64": {"sys_platform": "win32", "platform_machine": "AMD64"},
    "windows-arm64": {"sys_platform": "win32", "platform_machine": "ARM64"},
    "macos-arm64": {"sys_platform": "darwin", "platform_machine": "arm64"},
    "macos-x86_64": {"sys_platform": "darwin", "platform_machine": "x86_64"},
    "linux-x86_64": {"sys_platform": "linux", "platform_machine": "x86_64"},
    "linux-aarch64": {"sys_platform": "linux", "platform_machine": "aarch64"},
}
# Packages whose wheels must be compiled ones for the target (not py3-none-any): if
# one of these ever came as a pure-Python or source file, the target would lack it.
COMPILED = ("sqlcipher3", "pydantic_core")


def test_team_key_libraries_are_left_out_only_on_windows_on_arm() -> None:
    """The markers do what the docs say: every other target gets both libraries."""
    for target in TARGETS:
        names = {dep.split("==")[0] for dep in pinned_dependencies(target)}
        assert ({"pyrage", "cryptography"} <= names) == (target != "windows-arm64"), target


def pinned_dependencies(target: str | None = None) -> list[str]:
    """The runtime dependencies (for `target`: those its markers take, markers removed)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps: list[str] = project["dependencies"]
    assert all("==" in dep for dep in deps), "every runtime dependency is pinned"
    if target is None:
        return deps
    chosen = []
    for dep in deps:
        requirement = Requirement(dep)
        marker = requirement.marker
        if marker is None or marker.evaluate(dict(TARGET_MARKERS[target])):
            chosen.append(f"{requirement.name}{requirement.specifier}")
    return chosen


def pip_download(
    platforms: list[str], packages: list[str], dest: Path, cache: Path, *extra: str
) -> subprocess.CompletedProcess[str]:
    tags = [arg for platform in platforms for arg in ("--platform", platform)]
    env = dict(os.environ, PIP_CACHE_DIR=str(cache), PIP_DISABLE_PIP_VERSION_CHECK="1")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--only-binary=:all:",
            *tags,
            "--python-version",
            PYTHON,
            "--implementation",
            "cp",
            "--dest",
            str(dest),
            *extra,
            *packages,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def _fits(tag: str, platform: str) -> bool:
    """A wheel's platform tag suits the target (macOS wheels may name an older macOS,
    or be universal2); a compressed tag set ("a.b.c") fits if one of its tags does."""
    if "." in tag:
        return any(_fits(one, platform) for one in tag.split("."))
    if platform.startswith("macosx_"):
        arch = platform.split("_", 3)[-1]
        return tag.startswith("macosx_") and (tag.endswith(arch) or tag.endswith("universal2"))
    return platform in tag


@pytest.fixture(scope="module")
def pip_cache(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pip's cache kept across runs in pytest's cache folder (never the home folder).

    With pytest's cache plugin off (`-p no:cacheprovider`) it lasts for this run only.
    """
    if os.environ.get("PIP_CACHE_DIR"):
        return Path(os.environ["PIP_CACHE_DIR"])
    if getattr(pytestconfig, "cache", None) is None:
        return tmp_path_factory.mktemp("pip-download")
    assert pytestconfig.cache is not None
    return Path(pytestconfig.cache.mkdir("pip-download"))


@pytest.fixture(scope="module")
def index_reachable(pip_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Skip, saying why, when no package index answers (an offline machine)."""
    probe = next(dep for dep in pinned_dependencies() if dep.startswith("platformdirs"))
    done = pip_download(
        ["win_amd64"],
        [probe],
        tmp_path_factory.mktemp("probe"),
        pip_cache,
        "--no-deps",
        "--timeout",
        "10",
        "--retries",
        "1",
    )
    if done.returncode != 0:
        pytest.skip(f"no package index reachable, wheels not checked: {done.stderr[-300:]}")


@pytest.mark.slow
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_every_dependency_has_a_wheel_for(
    target: str, index_reachable: None, pip_cache: Path, tmp_path: Path
) -> None:
    platforms = TARGETS[target]
    dest = tmp_path / "wheels"
    done = pip_download(platforms, pinned_dependencies(target), dest, pip_cache)
    assert done.returncode == 0, done.stderr[-2000:]
    wheels = sorted(path.name for path in dest.iterdir())
    assert wheels and all(name.endswith(".whl") for name in wheels), wheels
    for name in wheels:
        tag = name.removesuffix(".whl").split("-")[-1]
        assert tag == "any" or any(_fits(tag, platform) for platform in platforms), name
    for package in COMPILED:
        (wheel,) = [name for name in wheels if name.startswith(package + "-")]
        assert f"cp{PYTHON.replace('.', '')}" in wheel and not wheel.endswith("-any.whl")
