"""Month file versions: 3 adds who a contact was for, group kinds, first or follow-up
and the video mode, 4 the contacts by duration bin; files of versions 1 to 3 still
merge, their missing tables "not recorded" (never zeros), and a file claiming what its
version cannot hold is refused."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from peerdesk.reports import add_up, render, team_report
from peerdesk.reports import files as report_files
from peerdesk.reports.files import ReportFileError, document, dumps, parse, read_exports
from tests.support.months import month

NEW_TABLES = {"for_whom", "group_kind", "first_or_followup"}


def _vault_id(index: int) -> str:
    return f"{index:032x}"


def write(folder: Path, name: str, doc: dict[str, object]) -> Path:
    path = folder / name
    path.write_text(dumps(doc))
    return path


def _resealed(doc: dict[str, object]) -> dict[str, object]:
    doc["checksum"] = report_files.checksum_of(doc)
    return doc


def test_a_version_4_file_round_trips_every_new_table_and_the_video_mode() -> None:
    counts = month(group=7, video=2)
    doc = document(counts, vault_id=_vault_id(1), sequence=2)
    assert doc["version"] == 4
    assert doc["counts"]["tables"]["duration"]["15-29"] == 25
    tables = doc["counts"]["tables"]
    assert set(tables) >= NEW_TABLES and tables["mode"]["video"] == 2
    assert tables["group_kind"]["debriefing"] == 7 == tables["mode"]["group"]
    assert tables["for_whom"]["dispatcher"] == 7 and tables["first_or_followup"]["first"] == 18
    assert parse(dumps(doc), "a.json").counts == counts


def test_an_older_version_cannot_be_written_with_a_mode_it_did_not_have() -> None:
    with pytest.raises(ValueError, match="no id video"):
        document(month(video=1), vault_id=_vault_id(1), sequence=1, version=2)
    older = document(month(group=3), vault_id=_vault_id(1), sequence=1, version=2)
    assert older["version"] == 2 and not NEW_TABLES & set(older["counts"]["tables"])
    assert "video" not in older["counts"]["tables"]["mode"]


def test_older_files_merge_with_newer_ones_and_their_missing_tables_are_not_recorded(
    tmp_path: Path,
) -> None:
    """A version 1 and a version 2 peer with contacts: who the team's contacts were for is
    not known, so it is "not recorded"; the v3 peer's counts alone would not add up."""
    paths = [
        write(tmp_path, "v1.json", document(month(cruiser=12, phone=0))),
        write(
            tmp_path,
            "v2.json",
            document(month(cruiser=8, phone=9), vault_id=_vault_id(2), sequence=1, version=2),
        ),
        write(
            tmp_path,
            "v3.json",
            document(
                month(cruiser=9, phone=7, group=6, video=5), vault_id=_vault_id(3), sequence=1
            ),
        ),
    ]
    exports = read_exports(paths)
    assert [NEW_TABLES & set(e.counts.tables) for e in exports] == [set(), set(), NEW_TABLES]
    total = add_up([e.counts for e in exports])
    assert total.figures["contacts"] == 12 + 17 + 27
    assert total.tables["for_whom"] == {} and total.tables["first_or_followup"] == {}
    # The older peers logged no group contact, so the team's kinds are the v3 peer's.
    assert total.tables["group_kind"]["debriefing"] == 6 == total.tables["mode"]["group"]
    assert total.tables["mode"]["video"] == 5
    report = team_report([e.counts for e in exports], [e.export_id for e in exports], 5)
    assert report.tables["for_whom"] == {} and report.figures["contacts"] == 56
    text = render.team_table(report)
    assert "Who the contact was for\n  not recorded by this peerdesk version" in text
    assert "First contact or follow-up\n  not recorded by this peerdesk version" in text
    assert re.search(r"^Contacts +56$", text, re.MULTILINE)  # the figure itself is recorded
    for output in (render.team_csv(report), render.team_json(report)):
        assert "sworn" not in output  # no zeros claimed for a table nobody could add up


def test_an_older_file_with_group_contacts_leaves_group_kinds_not_recorded(
    tmp_path: Path,
) -> None:
    old = document(month(group=5), vault_id=_vault_id(1), sequence=1, version=2)
    new = document(month(group=6), vault_id=_vault_id(2), sequence=1)
    exports = read_exports([write(tmp_path, "a.json", old), write(tmp_path, "b.json", new)])
    total = add_up([e.counts for e in exports])
    assert total.tables["mode"]["group"] == 11 and total.tables["group_kind"] == {}


def test_an_older_file_without_contacts_adds_zeros_to_the_new_tables(tmp_path: Path) -> None:
    quiet = month(cruiser=0, phone=0, sleep=0)
    old = document(quiet, vault_id=_vault_id(1), sequence=1, version=2)
    new = document(month(), vault_id=_vault_id(2), sequence=1)
    exports = read_exports([write(tmp_path, "a.json", old), write(tmp_path, "b.json", new)])
    total = add_up([e.counts for e in exports])
    assert total.tables["for_whom"] == month().tables["for_whom"]


def test_a_file_holding_what_its_version_cannot_is_refused_by_name(tmp_path: Path) -> None:
    doc = document(month(video=3), vault_id=_vault_id(1), sequence=1)
    doc["version"] = 2  # a version 2 file claiming version 3 tables and the video mode
    path = write(tmp_path, "forged.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    problems = caught.value.problems
    assert all(p.startswith(f"{path} has an unknown ") for p in problems)
    joined = "\n".join(problems)
    for name in NEW_TABLES:
        assert f"table '{name}'" in joined
    assert "id in table mode 'video': a version 2 month file" in joined


def test_a_version_3_file_without_a_new_table_is_refused(tmp_path: Path) -> None:
    doc = document(month(), vault_id=_vault_id(1), sequence=1)
    del doc["counts"]["tables"]["for_whom"]
    path = write(tmp_path, "short.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert caught.value.problems == [f"{path} has a bad table for_whom: it is missing."]


def test_group_kinds_that_do_not_add_up_to_the_group_cell_are_refused(tmp_path: Path) -> None:
    doc = document(month(group=4), vault_id=_vault_id(1), sequence=1)
    doc["counts"]["tables"]["group_kind"]["cmb"] = 2
    doc["counts"]["tables"]["group_kind"]["retired"] = 1
    path = write(tmp_path, "kinds.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert caught.value.problems == [
        f"{path} has an unknown id in table group_kind 'retired': a version 4 month file "
        "holds only peerdesk's own tables, ids and keys, so it was not read."
    ]
    del doc["counts"]["tables"]["group_kind"]["retired"]
    path = write(tmp_path, "kinds.json", _resealed(doc))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert caught.value.problems == [
        f"{path} does not add up: group_kind gives 6 but mode group is 4."
    ]


def test_a_version_3_file_merges_with_its_durations_not_recorded(tmp_path: Path) -> None:
    """A peer still on version 3: the team's contacts by duration are "not recorded",
    and the minutes stay shown; a version 3 file claiming durations is refused."""
    old = document(month(cruiser=9), vault_id=_vault_id(1), sequence=1, version=3)
    assert old["version"] == 3 and "duration" not in old["counts"]["tables"]
    new = document(month(cruiser=12), vault_id=_vault_id(2), sequence=1)
    exports = read_exports([write(tmp_path, "a.json", old), write(tmp_path, "b.json", new)])
    report = team_report([e.counts for e in exports], [e.export_id for e in exports], 5)
    assert report.tables["duration"] == {} and report.figures["minutes"] == 15 * 33
    assert "How long\n  not recorded by this peerdesk version" in render.team_table(report)
    forged = document(month(), vault_id=_vault_id(3), sequence=1)
    forged["version"] = 3
    path = write(tmp_path, "forged.json", _resealed(forged))
    with pytest.raises(ReportFileError) as caught:
        read_exports([path])
    assert any("table 'duration'" in p for p in caught.value.problems)
