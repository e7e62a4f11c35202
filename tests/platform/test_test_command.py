"""The README's test command is CI's, word for word, and it runs the platform checks.

A check that only the README mentions is not run; one that only CI runs surprises
the developer whose machine passed. The portability checks are two mypy runs, as
win32 and as darwin, because typeshed knows what each system lacks.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def readme_test_command() -> str:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    (command,) = [line for line in lines if line.startswith("python3 -m pip install -e '.[test]'")]
    return command


def ci_command() -> str:
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    (command,) = [line for line in lines if line.startswith("python3 -m pip install")]
    return command


def test_readme_and_ci_run_the_same_command() -> None:
    assert readme_test_command() == ci_command()


def test_the_command_type_checks_as_windows_and_macos() -> None:
    steps = [step.strip() for step in ci_command().split("&&")]
    assert "mypy --platform win32 src" in steps
    assert "mypy --platform darwin src" in steps
    assert steps[-1].startswith("pytest")
