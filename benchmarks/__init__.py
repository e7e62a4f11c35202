"""Speed measurements; run as `python -m benchmarks.NAME`. Never part of the test suite."""
