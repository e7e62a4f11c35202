"""Entry points: --version and --help stay light (no Textual, no SQLCipher, no typer for
--version), `python -m peerdesk` works, and the app exposes every command."""

from __future__ import annotations

import subprocess
import sys

from peerdesk import __version__, messages
from tests.support.cli import Cli

PROBE = (
    "import sys\n"
    "from peerdesk.cli import main\n"
    "sys.argv = ['peerdesk', *{args!r}]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit as exc:\n"
    "    assert not exc.code, exc.code\n"
    "loaded = sorted({{m.split('.')[0] for m in sys.modules}})\n"
    "print('MODULES', ' '.join(loaded))\n"
)


def loaded_modules(*args: str) -> tuple[str, set[str]]:
    """Run main() with these arguments in a fresh interpreter; return output and modules."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    output, _, modules = done.stdout.rpartition("MODULES ")
    return output, set(modules.split())


def test_help_does_not_import_textual_or_the_vault() -> None:
    output, modules = loaded_modules("--help")
    for command in ("init", "passphrase", "backup", "restore", "doctor", "demo", "crisis"):
        assert command in output
    assert "typer" in modules  # proves the probe really ran the app
    assert "textual" not in modules
    assert "sqlcipher3" not in modules


def test_command_help_does_not_import_textual() -> None:
    output, modules = loaded_modules("backup", "--help")
    assert "--own-passphrase" in output
    assert "textual" not in modules
    assert "sqlcipher3" not in modules


def test_version_answers_without_typer() -> None:
    output, modules = loaded_modules("--version")
    assert output.strip() == messages.VERSION_LINE.format(version=__version__)
    assert "peerdesk" in modules
    assert "typer" not in modules
    assert "textual" not in modules


def test_python_dash_m_peerdesk_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "peerdesk", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == f"peerdesk {__version__}"


def test_version_through_the_app_with_other_options(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"peerdesk {__version__}"


def test_unknown_command_is_a_usage_error(cli: Cli) -> None:
    result = cli("frobnicate")
    assert result.exit_code == 2


def test_cli_module_exposes_the_app_lazily() -> None:
    import peerdesk.cli
    from peerdesk.cli.root import app

    assert peerdesk.cli.app is app


def test_cli_core_helpers_do_not_import_textual_or_rich() -> None:
    code = (
        "import sys\n"
        "import peerdesk.crisis, peerdesk.doctor, peerdesk.synthetic.demo\n"
        "import peerdesk.cli.passphrase\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "[]"
