"""Team keys: sizes and times of signing, verifying, sealing, opening, and a merge of
200 sealed months against the same 200 months as plain files (target: within 2x).

Everything runs in one process, alternating subject and baseline (benchmarks.timing).
The sealed files are made the way `peerdesk report month` makes them: the month file
of bench_reports' synthetic peers, numbered, signed by a peer key of its own and
sealed to one team. Run: python -m benchmarks.bench_team [RUNS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_reports import peer_files
from benchmarks.timing import interleaved, median_ms
from peerdesk.reports import render
from peerdesk.reports.files import document, dumps, parse, read_exports
from peerdesk.reports.sealed import LeadOpener, seal_month
from peerdesk.reports.senders import choose
from peerdesk.reports.suppression import team_report
from peerdesk.team import minisign, sealing
from peerdesk.team.card import TeamPublic

MONTH = "2026-03"
N = 5


def stats(name: str, samples: list[float]) -> float:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"  {name}: median {median_ms(samples):.2f} ms, p95 {p95 * 1000:.2f} ms, "
        f"max {ordered[-1] * 1000:.2f} ms"
    )
    return median_ms(samples)


def timed(work: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        start = time.perf_counter()
        work()
        return time.perf_counter() - start

    return run


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    signing, identity = minisign.generate(), sealing.new_identity()
    public = TeamPublic(signing.public(), identity.recipient())
    opener = LeadOpener((identity,), frozenset({public.key_id()}))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plain = peer_files(folder, MONTH)
        sealed = []
        for index, path in enumerate(plain):
            export = parse(path.read_text(encoding="utf-8"), str(path))
            text = dumps(document(export.counts, vault_id=f"{index:032x}", sequence=1))
            path.write_text(text, encoding="utf-8")  # the plain baseline: version 2 as well
            out = path.with_suffix(".age")
            out.write_bytes(
                seal_month(text, month=MONTH, sequence=1, own_key=minisign.generate(), team=public)
            )
            sealed.append(out)
        plain_bytes = sum(p.stat().st_size for p in plain) / len(plain)
        sealed_bytes = sum(p.stat().st_size for p in sealed) / len(sealed)
        print(f"month file: {plain_bytes:.0f} bytes plain, {sealed_bytes:.0f} bytes sealed (mean)")

        directory = b"x" * 400_000  # about a 1,000-clinician JSON directory
        signature = minisign.sign(signing, directory, trusted_comment="t", untrusted_comment="u")
        print(f"signature file: {len(signature)} bytes; directory of {len(directory):,} bytes")
        print(f"sign and verify, {runs} runs each:")
        sign, verify = interleaved(
            runs,
            timed(
                lambda: minisign.sign(
                    signing, directory, trusted_comment="t", untrusted_comment="u"
                )
            ),
            timed(lambda: minisign.verify(signing.public(), directory, signature)),
        )
        stats("sign a 400 kB directory", sign)
        stats("verify it", verify)
        text = plain[0].read_text(encoding="utf-8")
        peer = minisign.generate()
        seal, opened = interleaved(
            runs,
            timed(lambda: seal_month(text, month=MONTH, sequence=1, own_key=peer, team=public)),
            timed(lambda: opener(sealed[0].read_bytes(), "m.age")),
        )
        print("one month:")
        stats("sign and seal", seal)
        stats("open and verify", opened)

        def merge(paths: list[Path], with_opener: bool) -> Callable[[], float]:
            def run() -> None:
                exports = choose(read_exports(paths, opener=opener if with_opener else None))
                counted = list(exports.exports)
                report = team_report([e.counts for e in counted], [e.export_id for e in counted], N)
                render.team_table(report)

            return timed(run)

        with_keys, without = interleaved(runs, merge(sealed, True), merge(plain, False))
        print(f"merge of {len(sealed)} files (read, check, choose, audit, render), {runs} runs:")
        a = stats("sealed", with_keys)
        b = stats("plain", without)
        print(f"  ratio {a / b:.2f}x (target <= 2x): {'OK' if a <= 2 * b else 'MISSED'}")


if __name__ == "__main__":
    main()
