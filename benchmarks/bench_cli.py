"""`peerdesk --version` against a bare typer app, whole process. Target <= 1.1x.

Run: python -m benchmarks.bench_cli [runs]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.timing import PYTHON, interleaved, report_ratio, time_process

BARE_TYPER = """
import typer
app = typer.Typer()
@app.command()
def main(version: bool = typer.Option(False, "--version")) -> None:
    print("0.0.0")
app()
"""


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 21
    with tempfile.TemporaryDirectory() as folder:
        bare = Path(folder) / "bare_typer.py"
        bare.write_text(BARE_TYPER)
        subject, baseline = interleaved(
            runs,
            lambda: time_process([PYTHON, "-m", "peerdesk", "--version"]),
            lambda: time_process([PYTHON, str(bare), "--version"]),
        )
    print(f"{runs} runs each, medians:")
    report_ratio("peerdesk --version / bare typer app", subject, baseline, 1.10)


if __name__ == "__main__":
    main()
