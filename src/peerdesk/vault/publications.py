"""The lead's publication log: every team report published, kept in the vault.

A report is recorded before it is printed or written (`record`, one transaction):
what was not logged is never published, so a later merge is always audited against
everything a reader may hold (peerdesk.reports.comparison). Rows hold what the report
showed and which cells it hid, with their printed reasons; never a hidden value. The
log travels with the vault: backups, restores and salvages carry it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime

from peerdesk import messages
from peerdesk.reports.history import Publication
from peerdesk.vault import values
from peerdesk.vault.errors import VaultError
from peerdesk.vault.sqlcipher import Connection
from peerdesk.vault.sqlite_errors import is_sqlite_error, sentence_for
from peerdesk.vault.store import Vault

_JOIN = "+"


@dataclass(frozen=True)
class Logged:
    """One line of `peerdesk report log`."""

    number: int
    period: str
    published_at: str
    min_cell: int
    files: int
    shown: int
    hidden: int

    def cells(self) -> list[str]:
        """Its row under messages.REPORT_LOG_HEADERS, as `report log` and the app's log
        show it: the time to the minute, in UTC like the stamp."""
        return [
            str(self.number),
            self.period,
            self.published_at[:16].replace("T", " "),
            str(self.min_cell),
            str(self.files),
            str(self.shown),
            str(self.hidden),
        ]


class NotLogged(VaultError):
    """The report could not be logged, so it must not be shown or written."""


def publish(vault: Vault, publication: Publication) -> Publication:
    """`record` for a report about to leave the lead's hands (printed, written to a
    file): any failure is one NotLogged sentence, and the caller publishes nothing."""
    try:
        return record(vault, publication)
    except VaultError as exc:
        raise NotLogged(messages.REPORT_LOG_FAILED.format(reason=str(exc))) from None
    except Exception as exc:
        if not is_sqlite_error(exc):
            raise
        raise NotLogged(messages.REPORT_LOG_FAILED.format(reason=sentence_for(exc))) from None


def record(vault: Vault, publication: Publication, now: datetime | None = None) -> Publication:
    """Log `publication` (one transaction); it comes back with its number and time."""
    stamp = values.stamp(now or values.utc_now())
    with vault.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO publications (period, published_at, min_cell, files, zeros_hidden)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                publication.period,
                stamp,
                publication.min_cell,
                publication.files,
                int(publication.zeros_hidden),
            ),
        )
        number = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT INTO publication_cells (publication_id, position, cell, value, why)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (
                    number,
                    position,
                    key,
                    value,
                    None if value is not None else _JOIN.join(publication.reasons[key]),
                )
                for position, (key, value) in enumerate(publication.cells.items())
            ],
        )
    return Publication(
        publication.period,
        stamp,
        publication.min_cell,
        publication.files,
        dict(publication.cells),
        dict(publication.reasons),
        number,
        zeros_hidden=publication.zeros_hidden,
    )


def history(conn: Connection) -> list[Publication]:
    """Every logged publication, oldest first (the order a reader received them in)."""
    heads = conn.execute(
        "SELECT id, period, published_at, min_cell, files, zeros_hidden FROM publications"
        " ORDER BY id"
    ).fetchall()
    cells: dict[int, list[tuple[str, int | None, str | None]]] = {}
    for number, key, value, why in conn.execute(
        "SELECT publication_id, cell, value, why FROM publication_cells"
        " ORDER BY publication_id, position"
    ):
        cells.setdefault(int(number), []).append((str(key), value, why))
    return [
        replace(
            _publication(
                int(number), str(period), str(at), int(n), int(files), cells.get(number, [])
            ),
            zeros_hidden=bool(zeros),
        )
        for number, period, at, n, files, zeros in heads
    ]


def _publication(
    number: int,
    period: str,
    published_at: str,
    min_cell: int,
    files: int,
    rows: Iterable[tuple[str, int | None, str | None]],
) -> Publication:
    shown: dict[str, int | None] = {}
    reasons: dict[str, tuple[str, ...]] = {}
    for key, value, why in rows:
        shown[key] = None if value is None else int(value)
        if value is None:
            reasons[key] = tuple(str(why or "").split(_JOIN))
    return Publication(period, published_at, min_cell, files, shown, reasons, number)


def listing(conn: Connection) -> list[Logged]:
    """What was published, for `peerdesk report log`, oldest first."""
    rows = conn.execute(
        "SELECT p.id, p.period, p.published_at, p.min_cell, p.files,"
        " count(c.value), count(c.position) - count(c.value)"
        " FROM publications p LEFT JOIN publication_cells c ON c.publication_id = p.id"
        " GROUP BY p.id ORDER BY p.id"
    ).fetchall()
    return [
        Logged(int(a), str(b), str(c), int(d), int(e), int(f), int(g))
        for a, b, c, d, e, f, g in rows
    ]
