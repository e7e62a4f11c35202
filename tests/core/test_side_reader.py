"""The side connection: counts read in a worker thread, never on the app's connection.

It must answer what the vault's own connection answers, from any thread; a newer
question cuts short only the asker's own running read; and a lock (close) stops a
running read, answers None to every later one, and leaves no handle on the file.
The topic count read from the index must agree with checking every contact.
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.vault import Vault, contacts
from peerdesk.vault.contacts import ContactFilter
from peerdesk.vault.side_reader import SideReader
from peerdesk.vault.sqlcipher import Connection
from tests.conftest import PASSPHRASE
from tests.core.helpers import open_targets, vault_family

# Never ends on its own: only an interrupt stops it.
ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"


def vault_fds(vault_path: Path) -> list[str]:
    family = vault_family(vault_path)
    return [t for t in open_targets().values() if t.removesuffix(" (deleted)") in family]


def endless(conn: Connection) -> int:
    return int(conn.execute(ENDLESS).fetchone()[0])


def filled(vault_path: Path, count: int = 400) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        synthetic_contacts.fill(vault, count=count, months=6, today=date.today())


class Running:
    """A read started in a thread of its own, as the app's workers do."""

    def __init__(self, reader: SideReader, asker: object) -> None:
        self.answer: object = "not yet"
        self.started = threading.Event()

        def query(conn: Connection) -> int:
            self.started.set()
            return endless(conn)

        def run() -> None:
            self.answer = reader.read(query, asker)

        self.thread = threading.Thread(target=run)
        self.thread.start()
        assert self.started.wait(10)


def test_counts_on_the_side_match_the_vaults_own(vault_path: Path) -> None:
    filled(vault_path)
    with Vault.unlock(vault_path, PASSPHRASE, checks="deferred", side_reader=True) as vault:
        reader = vault.side_reader
        assert reader is not None
        filters = [ContactFilter(), ContactFilter(topic="sleep"), ContactFilter(search="r")]
        answers: list[int | None] = []

        def count_each() -> None:
            for flt in filters:

                def count(conn: Connection, f: ContactFilter = flt) -> int:
                    return contacts.count(conn, f)

                answers.append(reader.read(count))

        worker = threading.Thread(target=count_each)
        worker.start()
        worker.join(30)
        assert answers == [contacts.count(vault.conn, f) for f in filters]
        assert answers[0] == 400
    assert vault_fds(vault_path) == []


def test_the_topic_count_agrees_with_checking_every_contact(vault_path: Path) -> None:
    filled(vault_path)
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        for topic in ("sleep", "alcohol", "other"):
            slow = vault.conn.execute(
                "SELECT count(*) FROM contacts c WHERE EXISTS (SELECT 1 FROM contact_topics t "
                "WHERE t.contact_id = c.id AND t.topic = ?)",
                (topic,),
            ).fetchone()[0]
            assert contacts.count(vault.conn, ContactFilter(topic=topic)) == slow > 0


def test_a_newer_question_cuts_short_only_its_own_askers_read(vault_path: Path) -> None:
    filled(vault_path, 10)
    with Vault.unlock(vault_path, PASSPHRASE, side_reader=True) as vault:
        reader = vault.side_reader
        assert reader is not None
        asker, other = object(), object()
        running = Running(reader, asker)
        reader.interrupt(other)  # not this read's asker: it goes on
        running.thread.join(0.3)
        assert running.thread.is_alive()
        reader.interrupt(asker)
        running.thread.join(10)
        assert running.answer is None  # cut short: no answer, no error
        assert reader.read(lambda conn: contacts.count(conn)) == 10  # the next one runs
        assert reader.read(lambda conn: 1, wanted=lambda: False) is None  # stale: not run


def test_a_lock_during_a_read_stops_it_and_leaves_no_handle(vault_path: Path) -> None:
    filled(vault_path, 10)
    vault = Vault.unlock(vault_path, PASSPHRASE, checks="deferred", side_reader=True)
    reader = vault.side_reader
    assert reader is not None
    running = Running(reader, object())
    vault.close()  # returns once the read has stopped and the connection is closed
    running.thread.join(5)
    assert running.answer is None
    assert reader.closed and vault.side_reader is None
    assert reader.read(lambda conn: contacts.count(conn)) is None
    assert vault_fds(vault_path) == []
