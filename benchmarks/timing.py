"""Shared helpers: run alternately against a baseline, print medians, tails and ratios.

Baselines are always measured in the same run as the subject, interleaved, so a
busy shared machine slows both alike and the ratio stays meaningful. Every latency
is printed as median, p95 and max (`spread`): a peer notices the slow keystroke, not
the typical one, so the screen targets hold at p95 (`report_tail`).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_ms(samples: Sequence[float]) -> float:
    return statistics.median(samples) * 1000.0


def p95_ms(samples: Sequence[float]) -> float:
    """The 95th percentile (nearest rank), in ms: with 20 samples, the second slowest."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000.0


def max_ms(samples: Sequence[float]) -> float:
    return max(samples) * 1000.0


def spread(samples: Sequence[float]) -> str:
    """'median 12.3 ms, p95 20.1 ms, max 25.0 ms (n=40)' for samples in seconds."""
    return (
        f"median {median_ms(samples):.1f} ms, p95 {p95_ms(samples):.1f} ms, "
        f"max {max_ms(samples):.1f} ms (n={len(samples)})"
    )


def report_tail(
    name: str,
    samples: Sequence[float],
    target_ms: float | None = None,
    baseline: Sequence[float] | None = None,
) -> bool:
    """Print one line: median/p95/max, the ratio of medians to a same-run baseline if
    there is one, and the verdict against `target_ms`, which must hold at p95."""
    line = f"  {name}: {spread(samples)}"
    if baseline:
        ratio = median_ms(samples) / median_ms(baseline)
        line += f"; baseline median {median_ms(baseline):.1f} ms -> {ratio:.2f}x"
    ok = target_ms is None or p95_ms(samples) <= target_ms
    if target_ms is not None:
        line += f" (target p95 <= {target_ms:.0f} ms) {'OK' if ok else 'MISSED'}"
    print(line)
    return ok


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
    print(f"  subject {spread(subject)}; baseline {spread(baseline)}")
    return ok


def report_budget(name: str, subject: list[float], baseline: list[float], extra_ms: float) -> bool:
    """Print one line for a 'baseline + N ms' target."""
    s, b = median_ms(subject), median_ms(baseline)
    ok = s <= b + extra_ms
    print(
        f"{name}: {s:.1f} ms vs baseline {b:.1f} ms -> +{s - b:.1f} ms "
        f"(target <= +{extra_ms:.0f} ms) {'OK' if ok else 'MISSED'}"
    )
    print(f"  subject {spread(subject)}; baseline {spread(baseline)}")
    return ok


PYTHON = sys.executable
