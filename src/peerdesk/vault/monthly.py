"""The SQL behind monthly counts: a few GROUP BY queries, never contacts one by one.

`month_counts` is one month (what `peerdesk report month` exports and the stats
screen draws); `trend` is contacts and minutes per month for a run of months (the
screen's 12-month trend). Both use the contacts_by_date index, so with 100,000
contacts they take a few milliseconds (benchmarks/bench_reports.py).

Referral counts by status are read only when the vault has a `referrals` table
(migration 0004 adds it, with a `made_on` date and a `status`); until then the month's
referral table is empty, which outputs show as "not recorded".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from peerdesk import messages, vocab
from peerdesk.reports.counts import MonthCounts, MonthTotal, duration_bins, from_marginals
from peerdesk.vault import migrate
from peerdesk.vault.errors import VaultCannotOpen
from peerdesk.vault.sqlcipher import Connection, DatabaseError, connect

REFERRALS_TABLE = "referrals"


class NeedsMigration(Exception):
    """The vault's schema is older than this peerdesk: open it with Vault.unlock instead."""


@contextmanager
def counting_connection(path: Path, passphrase: str) -> Iterator[Connection]:
    """A connection for counting only, without Vault.unlock's whole-file checks.

    Vault.unlock runs quick_check and cipher_integrity_check, which read every page
    (over 400 ms with 100,000 contacts), then wipes expired text. Counting needs
    neither: SQLCipher authenticates each page it reads (HMAC), so a count comes from
    authentic pages or the read fails, and counting writes nothing (the next ordinary
    unlock does the retention wipe). The file is opened "rw" but only read, because a
    read-only SQLite connection cannot remove the -wal/-shm files it leaves behind on
    close. A vault with an older schema raises
    NeedsMigration (the caller unlocks it properly); a page that fails to read is
    VaultCannotOpen with the reason, so `peerdesk doctor` can be run.
    The caller holds the instance lock.
    """
    conn = connect(path, passphrase, mode="rw")
    try:
        if migrate.current_version(conn) != migrate.latest_version():
            raise NeedsMigration
        try:
            yield conn
        except DatabaseError as exc:
            raise VaultCannotOpen(
                messages.VAULT_CANNOT_OPEN.format(path=path, reason=exc)
            ) from None
    finally:
        conn.close()


def month_range(month: str) -> tuple[str, str]:
    """[first day, first day of the next month) as ISO text, for an indexed range scan."""
    year, mon = int(month[:4]), int(month[5:7])
    start = date(year, mon, 1)
    end = date(year + mon // 12, mon % 12 + 1, 1)
    return start.isoformat(), end.isoformat()


def add_months(month: str, delta: int) -> str:
    """'YYYY-MM' moved by `delta` months (negative goes back)."""
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


# The columns counted per category, with the vocabulary whose ids are summed.
_DIMENSIONS: tuple[tuple[str, tuple[vocab.Choice, ...]], ...] = (
    ("mode", vocab.MODES),
    ("initiated_by", vocab.INITIATED_BY),
    ("risk", vocab.RISKS),
    ("outcome", vocab.OUTCOMES),
    ("for_whom", vocab.FOR_WHOM),
    ("first_or_followup", vocab.FIRST_OR_FOLLOWUP),
)
# Counted among the month's group contacts only: these add up to the `group` mode cell.
_GROUP_ONLY = "mode = 'group'"
_GROUP_DIMENSIONS: tuple[tuple[str, tuple[vocab.Choice, ...]], ...] = (
    ("group_kind", vocab.GROUP_KINDS),
)


def month_counts(conn: Connection, month: str) -> MonthCounts:
    """One month's exact counts (validate `month` first: validation.parse_month).

    One aggregate pass over the month's contacts and one over their topics, each a
    `sum(column = id)` per known id: a GROUP BY over several columns sorts every row in
    a temporary b-tree, which SQLCipher's memory security makes 10x slower. An id this
    version does not know (written by a newer peerdesk) shows up as a shortfall
    against count(*), and only then is that column counted with GROUP BY. Group kinds
    are summed over the month's group contacts only: they add up to the `group` mode cell.
    """
    start, end = month_range(month)
    where = "WHERE contact_date >= ? AND contact_date < ?"
    sums = [(column, c.id, "") for column, choices in _DIMENSIONS for c in choices]
    sums += [
        (column, c.id, f"{_GROUP_ONLY} AND ")
        for column, choices in _GROUP_DIMENSIONS
        for c in choices
    ]
    bins = duration_bins()
    row = conn.execute(
        "SELECT count(*), total(minutes), "
        "total(CASE WHEN mode = 'group' THEN head_count ELSE 0 END), total(critical_incident)"
        + "".join(f", total({only}{column} = ?)" for column, _, only in sums)
        + ", total(minutes BETWEEN ? AND ?)" * len(bins)
        + f" FROM contacts {where}",
        (
            *(cid for _, cid, _ in sums),
            *(bound for _, first, last in bins for bound in (first, last)),
            start,
            end,
        ),
    ).fetchone()
    count, minutes, people, critical = (int(v) for v in row[:4])
    tables: dict[str, list[tuple[str, int]]] = {
        name: [] for name, _ in (*_DIMENSIONS, *_GROUP_DIMENSIONS)
    }
    for (column, cid, _), value in zip(sums, row[4 : 4 + len(sums)], strict=True):
        tables[column].append((cid, int(value)))
    durations = row[4 + len(sums) :]
    tables["duration"] = [(cid, int(v)) for (cid, _, _), v in zip(bins, durations, strict=True)]
    for column, _ in _DIMENSIONS:
        if sum(n for _, n in tables[column]) != count:
            tables[column] = _grouped(conn, column, where, (start, end))
    groups = dict(tables["mode"]).get("group", 0)
    for column, _ in _GROUP_DIMENSIONS:
        if sum(n for _, n in tables[column]) != groups:
            tables[column] = _grouped(conn, column, f"{where} AND {_GROUP_ONLY}", (start, end))
    tables["critical_incident"] = [("yes", critical), ("no", count - critical)]
    tables["topic"] = _topics(conn, start, end)
    (done,) = conn.execute(
        "SELECT count(*) FROM followups WHERE done_on >= ? AND done_on < ?", (start, end)
    ).fetchone()
    return from_marginals(
        month,
        contacts=count,
        minutes=minutes,
        group_people=people,
        followups_completed=int(done),
        tables=tables,
        referral_statuses=_referrals(conn, start, end),
    )


def _grouped(
    conn: Connection, column: str, where: str, params: tuple[str, str]
) -> list[tuple[str, int]]:
    # `column` and `where` are this module's own text, never user input.
    return [
        (str(r[0]), int(r[1]))
        for r in conn.execute(
            f"SELECT {column}, count(*) FROM contacts {where} GROUP BY {column}",
            params,
        )
    ]


def _topics(conn: Connection, start: str, end: str) -> list[tuple[str, int]]:
    """Contacts per topic in the month (a contact with two topics counts for both)."""
    ids = vocab.ids(vocab.TOPICS)
    joined = (
        "FROM contacts c JOIN contact_topics t ON t.contact_id = c.id "
        "WHERE c.contact_date >= ? AND c.contact_date < ?"
    )
    row = conn.execute(
        "SELECT count(*)" + "".join(", total(t.topic = ?)" for _ in ids) + f" {joined}",
        (*ids, start, end),
    ).fetchone()
    cells = [(tid, int(v)) for tid, v in zip(ids, row[1:], strict=True)]
    if sum(n for _, n in cells) == int(row[0]):
        return cells
    return [
        (str(r[0]), int(r[1]))
        for r in conn.execute(f"SELECT t.topic, count(*) {joined} GROUP BY t.topic", (start, end))
    ]


def _referrals(conn: Connection, start: str, end: str) -> list[tuple[str, int]] | None:
    """Referrals made in the month by their current status, or None without a referrals table."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (REFERRALS_TABLE,)
    ).fetchone()
    if exists is None:
        return None
    return [
        (str(r[0]), int(r[1]))
        for r in conn.execute(
            "SELECT status, count(*) FROM referrals WHERE made_on >= ? AND made_on < ? "
            "GROUP BY status",
            (start, end),
        )
    ]


def trend(conn: Connection, last: str, months: int = 12) -> list[MonthTotal]:
    """Contacts and minutes for the `months` months ending with `last`, oldest first.

    One indexed range aggregate per month: no sort, unlike GROUP BY substr(date).
    Months without contacts are present with zeros, so a chart has no gaps.
    """
    out = []
    for i in range(months - 1, -1, -1):
        month = add_months(last, -i)
        count, minutes = conn.execute(
            "SELECT count(*), total(minutes) FROM contacts "
            "WHERE contact_date >= ? AND contact_date < ?",
            month_range(month),
        ).fetchone()
        out.append(MonthTotal(month, int(count), int(minutes)))
    return out


def month_span(conn: Connection) -> tuple[str, str] | None:
    """The first and last month with any contact (for a month picker), or None."""
    row = conn.execute("SELECT min(contact_date), max(contact_date) FROM contacts").fetchone()
    if row is None or row[0] is None:
        return None
    return str(row[0])[:7], str(row[1])[:7]
