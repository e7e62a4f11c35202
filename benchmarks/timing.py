"""Shared helpers: run alternately against a baseline, print medians and ratios.

Baselines are always measured in the same run as the subject, interleaved, so a
busy shared machine slows both alike and the ratio stays meaningful.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_ms(samples: Sequence[float]) -> float:
    return statistics.median(samples) * 1000.0


def interleaved(
    runs: int, subject: Callable[[], float], baseline: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Time subject and baseline alternately; each callable returns seconds."""
    subject_times: list[float] = []
    baseline_times: list[float] = []
    baseline()  # warm the page cache for both before counting
    subject()
    for _ in range(runs):
        baseline_times.append(baseline())
        subject_times.append(subject())
    return subject_times, baseline_times


def time_process(argv: Sequence[str]) -> float:
    """Whole-process wall time of a command, output discarded."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def report_ratio(name: str, subject: list[float], baseline: list[float], target: float) -> bool:
    """Print one line: medians, ratio, target, verdict. Returns whether it met the target."""
    s, b = median_ms(subject), median_ms(baseline)
    ratio = s / b
    ok = ratio <= target
    print(
        f"{name}: {s:.1f} ms vs baseline {b:.1f} ms -> {ratio:.2f}x "
        f"(target <= {target:.2f}x) {'OK' if ok else 'MISSED'}"
    )
    return ok


def report_budget(name: str, subject: list[float], baseline: list[float], extra_ms: float) -> bool:
    """Print one line for a 'baseline + N ms' target."""
    s, b = median_ms(subject), median_ms(baseline)
    ok = s <= b + extra_ms
    print(
        f"{name}: {s:.1f} ms vs baseline {b:.1f} ms -> +{s - b:.1f} ms "
        f"(target <= +{extra_ms:.0f} ms) {'OK' if ok else 'MISSED'}"
    )
    return ok


PYTHON = sys.executable
