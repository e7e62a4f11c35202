"""`peerdesk referrals add|list|status` and `peerdesk clinicians card` on a real vault."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from peerdesk import handoff, messages
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli
from tests.support.referrals import add_clinician, add_contact, clinician, decode, vcard_values

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}


def seed(vault_path: Path) -> tuple[int, str, str]:
    """A contact, a vetted clinician with an accented name, an expired one."""
    today = date.today()
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        contact_id = add_contact(vault, today, ("trauma",))
        good = add_clinician(
            vault,
            clinician(
                "Zoë Müller-Øvrebø",
                today,
                phones=("+47 22 33 44 55", "555-0199"),
                address="Suite 1200, 4500 Northwest Boulevard\nSpringfield, OR 97477",
            ),
        )
        expired = add_clinician(vault, clinician("Old Vetting", today, state="expired"))
    return contact_id, good, expired


def test_add_list_and_change_status(cli: Cli, made_vault: Path) -> None:
    contact_id, good, expired = seed(made_vault)
    today = date.today()
    added = cli("referrals", "add", "--contact", str(contact_id), "--clinician", good[:8], env=ENV)
    assert added.exit_code == 0, added.output
    week = (today + timedelta(days=7)).isoformat()
    assert f"Referral 1 recorded: contact {contact_id} to Zoë Müller-Øvrebø" in added.stdout
    assert week in added.stdout
    refused = cli("referrals", "add", "--contact", str(contact_id), "--clinician", expired, env=ENV)
    assert refused.exit_code == 1
    assert "--despite-vetting" in refused.stderr
    later = (today + timedelta(days=3)).isoformat()
    despite = cli(
        "referrals", "add", "--contact", str(contact_id), "--clinician", expired,
        "--check-back", later, "--despite-vetting", env=ENV,
    )  # fmt: skip
    assert despite.exit_code == 0, despite.output
    assert "VETTING EXPIRED" in despite.stdout
    status = cli("referrals", "status", "1", "declined", env=ENV)
    assert status.exit_code == 0, status.output
    assert f"Referral 1 is now declined (since {today.isoformat()})" in status.stdout
    listed = cli("referrals", "list", "--open", env=ENV)
    assert listed.exit_code == 0
    rows = listed.stdout.splitlines()
    assert rows[0].split()[:3] == ["ID", "CONTACT", "CLINICIAN"]
    assert len(rows) == 2 and "Old Vetting" in rows[1] and later in rows[1]
    as_json = json.loads(cli("referrals", "list", "--format", "json", env=ENV).stdout)
    assert [(r["id"], r["status"], r["open"]) for r in as_json] == [
        (2, "offered", True),
        (1, "declined", False),
    ]
    assert "handle" not in as_json[1]
    assert "blue car" not in listed.stdout
    shown = json.loads(cli("referrals", "list", "--format", "json", "--show-text", env=ENV).stdout)
    assert shown[1]["handle"] == "blue car"
    table = cli("referrals", "list", "--show-text", env=ENV).stdout
    assert table.splitlines()[0].split()[-1] == "HANDLE" and "blue car" in table


def test_mistakes_are_one_sentence(cli: Cli, made_vault: Path) -> None:
    contact_id, good, _expired = seed(made_vault)
    bad_status = cli("referrals", "status", "1", "lost", env=ENV)
    assert bad_status.exit_code == 1 and "Unknown referral status 'lost'" in bad_status.stderr
    missing = cli("referrals", "status", "7", "closed", env=ENV)
    assert missing.exit_code == 1 and "There is no referral with id 7." in missing.stderr
    no_contact = cli("referrals", "add", "--contact", "99", "--clinician", good, env=ENV)
    assert no_contact.exit_code == 1 and "no contact with id 99" in no_contact.stderr
    past = cli(
        "referrals", "add", "--contact", str(contact_id), "--clinician", good,
        "--check-back", "2000-01-01", env=ENV,
    )  # fmt: skip
    assert past.exit_code == 1 and "check-back" in past.stderr


def test_card_prints_the_details_and_a_code_that_decodes(cli: Cli, made_vault: Path) -> None:
    _contact_id, good, _expired = seed(made_vault)
    for kind in ("vcard", "tel"):
        result = cli("clinicians", "card", good[:8], "--qr", kind, env=ENV)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[0] == "Zoë Müller-Øvrebø"
        assert "Phone:       +47 22 33 44 55" in lines
        code = [line for line in lines if line and set(line) <= set("█▀▄ ")]
        width = max(len(line) for line in code)
        matrix = handoff.parse_blocks(code, width)
        with Vault.unlock(made_vault, PASSPHRASE) as vault:
            from peerdesk.vault import clinicians

            found = clinicians.get(vault.conn, good)
        assert found is not None
        expected = handoff.payload(found.fields, kind)
        # The printed characters are the very matrix the code is made of.
        assert (
            matrix[: len(handoff.qr_matrix(expected))] == handoff.qr_matrix(expected)[: len(matrix)]
        )
        assert decode(matrix) == expected.encode("utf-8")
    bad = cli("clinicians", "card", good, "--qr", "sms", env=ENV)
    assert bad.exit_code == 1 and "qr" in bad.stderr


def printed_code(stdout: str) -> handoff.Matrix:
    lines = [line for line in stdout.splitlines() if line and set(line) <= set("█▀▄ ")]
    assert lines, "no code printed"
    return handoff.parse_blocks(lines, max(len(line) for line in lines))


def test_card_reads_awkward_phones_and_splits_the_name(cli: Cli, made_vault: Path) -> None:
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        cid = add_clinician(
            vault,
            clinician(
                "Dr. Zoë Müller-Øvrebø, PhD",
                date.today(),
                credentials="PhD, LCSW",
                practice="Harbor Counselling, LLC",
                phones=("503.555.0100 / 0101", "(503) 555-0142 x12"),
            ),
        )
    card = cli("clinicians", "card", cid[:8], env=ENV)
    assert card.exit_code == 0, card.output
    lines = card.stdout.splitlines()
    assert "Phone:       (503) 555-0100 (listed as 503.555.0100 / 0101)" in lines
    assert "Phone:       (503) 555-0142 ext. 12" in lines
    vcard = decode(printed_code(card.stdout)).decode("utf-8")
    assert vcard_values(vcard, "N") == [(("Müller-Øvrebø",), ("Zoë",), ("",), ("Dr.",), ("PhD",))]
    assert vcard_values(vcard, "ORG") == [(("Harbor Counselling, LLC",),)]
    assert vcard_values(vcard, "TITLE") == [(("PhD, LCSW",),)]
    assert vcard_values(vcard, "TEL") == [(("+15035550100",),), (("+15035550142,12",),)]
    tel = cli("clinicians", "card", cid[:8], "--qr", "tel", env=ENV)
    assert tel.exit_code == 0, tel.output
    assert decode(printed_code(tel.stdout)) == b"tel:+15035550100"


def test_card_without_a_valid_phone_says_so_and_prints_no_code(cli: Cli, made_vault: Path) -> None:
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        cid = add_clinician(vault, clinician("Ana Ruiz", date.today(), phones=("+1 555 0100",)))
    tel = cli("clinicians", "card", cid, "--qr", "tel", env=ENV)
    assert tel.exit_code == 1
    assert tel.stderr.strip() == messages.CARD_NO_VALID_PHONE.format(phones="+1 555 0100")
    assert not set("█▀▄") & set(tel.stdout)
    card = cli("clinicians", "card", cid, env=ENV)  # the vCard leaves the number out
    assert card.exit_code == 0, card.output
    assert "+1 555 0100 (not a number a phone can dial: left out of the codes)" in card.stdout
    assert "TEL" not in decode(printed_code(card.stdout)).decode("utf-8")
