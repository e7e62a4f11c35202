"""Bulk directory writes: each distinct list encoded once, and still each row its own.

An import stores thousands of clinicians through one StoredForm, which encodes each
distinct list, moment and filter key once. A cache keyed too loosely would give one
clinician another's values (a language filed as insurance, a specialty's search words
on the wrong row); these tests import real files into a real vault and read back
through the same queries the directory screen runs. A disk that fills mid-import, and
a batch naming an unknown clinician, write nothing. The garbage collector, paused while
an import runs, is running again after it however it ended.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from peerdesk.interchange import (
    ImportPlan,
    directory_csv,
    import_file,
    import_parsed,
    read_directory,
)
from peerdesk.models.clinicians import Clinician, fold
from peerdesk.progress import Progress
from peerdesk.synthetic import clinicians as synthetic
from peerdesk.vault import Vault, clinician_writes, clinicians
from peerdesk.vault.clinicians import DirectoryFilter
from peerdesk.vault.sqlite_errors import VaultDiskFull
from tests.core.clinician_helpers import NOW, TODAY, fields

ID_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
ID_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
ID_C = "cccccccc-cccc-4ccc-8ccc-cccccccccccc"


def write_file(path: Path, items: list[Clinician]) -> Path:
    path.write_text(directory_csv(items), encoding="utf-8")
    return path


def found(vault: Vault, **flt: object) -> set[str]:
    rows = clinicians.page(vault.conn, DirectoryFilter(**flt), today=TODAY)  # type: ignore[arg-type]
    return {row.id for row in rows}


def test_the_same_words_in_different_fields_filter_and_search_by_their_own_field(
    vault: Vault, tmp_path: Path
) -> None:
    same = ("Spanish",)
    items = [
        Clinician(ID_A, fields("Dr. A", languages=same, insurance=(), modalities=()), NOW),
        Clinician(ID_B, fields("Dr. B", languages=(), insurance=same, modalities=()), NOW),
        Clinician(ID_C, fields("Dr. C", languages=(), insurance=(), modalities=same), NOW),
    ]
    plan = import_file(vault, write_file(tmp_path / "d.csv", items), now=NOW, today=TODAY)
    assert plan.written and len(plan.added) == 3
    assert found(vault, language="spanish") == {ID_A}
    assert found(vault, insurance="spanish") == {ID_B}
    assert found(vault, search="spanish") == {ID_A, ID_B, ID_C} - {ID_B}  # insurance: not searched
    for item in items:
        assert clinicians.get(vault.conn, item.id) == item


def test_specialties_shared_by_many_rows_search_by_label_on_each_row(
    vault: Vault, tmp_path: Path
) -> None:
    grief = ("grief",)
    marital = ("relationship",)
    items = [
        Clinician(f"{n:08d}-0000-4000-8000-000000000000", fields(f"Dr. {n}", specialties=s), NOW)
        for n, s in enumerate([grief, marital] * 20)
    ]
    import_file(vault, write_file(tmp_path / "d.csv", items), now=NOW, today=TODAY)
    by_label = found(vault, search="marital")
    assert by_label == {item.id for item in items if item.fields.specialties == marital}
    assert len(by_label) == 20
    assert clinicians.count(vault.conn, DirectoryFilter(search="grief"), today=TODAY) == 20


def test_a_synthetic_directory_reads_back_as_written(vault: Vault, tmp_path: Path) -> None:
    """Hundreds of rows with repeated lists and moments: every row comes back whole."""
    items = [Clinician(*c) for c in synthetic.generate(400, today=date(2026, 12, 1), seed=3)]
    plan = import_file(vault, write_file(tmp_path / "d.csv", items), accept_lookalikes=True)
    assert plan.written
    assert list(clinicians.every(vault.conn)) == sorted(items, key=lambda c: (fold(c.name), c.id))
    for item in items[:50]:
        for topic in item.fields.specialties:
            assert item.id in found_all(vault, topic)


def found_all(vault: Vault, search: str) -> set[str]:
    """Every clinician the search box would find (all pages)."""
    out: set[str] = set()
    offset = 0
    while True:
        rows = clinicians.page(
            vault.conn, DirectoryFilter(search=search), today=TODAY, limit=500, offset=offset
        )
        out |= {row.id for row in rows}
        if len(rows) < 500:
            return out
        offset += 500


def test_a_re_import_changing_every_row_plans_each_old_value_from_the_vault(
    vault: Vault, tmp_path: Path
) -> None:
    first = [
        Clinician(f"{n:08d}-0000-4000-8000-000000000000", fields(f"Dr. {n}"), NOW)
        for n in range(30)
    ]
    import_file(vault, write_file(tmp_path / "a.csv", first), now=NOW, today=TODAY)
    second = [
        replace(c, fields=replace(c.fields, phones=(f"+1 555 02{n:02d}",)))
        for n, c in enumerate(first)
    ]
    plan = import_file(vault, write_file(tmp_path / "b.csv", second), now=NOW, today=TODAY)
    assert plan.written and len(plan.changed) == 30
    for n, record in enumerate(plan.changed):
        (change,) = record.changes
        assert (change.field, change.old, change.new) == (
            "phones",
            ("+1 555 0100",),
            (f"+1 555 02{n:02d}",),
        )
    assert clinicians.get(vault.conn, first[7].id).fields.phones == ("+1 555 0207",)  # type: ignore[union-attr]


def test_a_batch_update_naming_an_unknown_clinician_writes_nothing(vault: Vault) -> None:
    clinician_writes_add(vault, ID_A, "Dr. A")
    clinician_writes_add(vault, ID_B, "Dr. B")
    with pytest.raises(KeyError), vault.transaction() as conn:
        clinician_writes.store_many(
            conn,
            [
                (ID_A, fields("Dr. A2"), NOW),
                (ID_C, fields("Dr. C"), NOW),
                (ID_B, fields("Dr. B2"), NOW),
            ],
            new=False,
        )
    assert [c.name for c in clinicians.every(vault.conn)] == ["Dr. A", "Dr. B"]
    assert found(vault, search="A2") == set()


def clinician_writes_add(vault: Vault, clinician_id: str, name: str) -> None:
    with vault.transaction() as conn:
        clinician_writes.add(conn, fields(name), NOW, clinician_id)


def test_a_disk_that_fills_during_a_bulk_import_writes_nothing(
    vault: Vault, tmp_path: Path
) -> None:
    items = [Clinician(*c) for c in synthetic.generate(2000, today=date(2026, 12, 1), seed=5)]
    path = write_file(tmp_path / "d.csv", items)
    pages = int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    vault.conn.execute(f"PRAGMA max_page_count = {pages + 40}")  # room for a part only
    with pytest.raises(VaultDiskFull):
        import_file(vault, path, accept_lookalikes=True)
    assert clinicians.total(vault.conn) == 0
    assert found(vault, search="a") == set()
    vault.conn.execute("PRAGMA max_page_count = 1000000")
    assert import_file(vault, path, accept_lookalikes=True).written
    assert clinicians.total(vault.conn) == 2000


def test_the_collector_is_paused_while_an_import_runs_and_resumes_however_it_ends(
    vault: Vault, tmp_path: Path
) -> None:
    items = [Clinician(*c) for c in synthetic.generate(1200, today=date(2026, 12, 1), seed=8)]
    path = write_file(tmp_path / "d.csv", items)
    seen: list[bool] = []

    def progress(doing: str, done: int, total: int) -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    plan = import_file_with(vault, path, progress)
    assert plan.written and seen and not any(seen)
    assert gc.isenabled()
    # A full disk mid-write: the collector is back on after the error too.
    pages = int(vault.conn.execute("PRAGMA page_count").fetchone()[0])
    vault.conn.execute(f"PRAGMA max_page_count = {pages + 5}")
    changed = [replace(c, fields=replace(c.fields, notes="x" * 3000)) for c in items]
    seen.clear()
    with pytest.raises(VaultDiskFull):
        import_file_with(vault, write_file(tmp_path / "e.csv", changed), progress)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_an_import_leaves_a_paused_collector_paused(vault: Vault, tmp_path: Path) -> None:
    path = write_file(tmp_path / "d.csv", [Clinician(ID_A, fields("Dr. A"), NOW)])
    gc.disable()
    try:
        assert import_file(vault, path, now=NOW).written
        assert not gc.isenabled()
    finally:
        gc.enable()


def import_file_with(vault: Vault, path: Path, progress: Progress) -> ImportPlan:
    return import_parsed(vault, read_directory(path), accept_lookalikes=True, progress=progress)
