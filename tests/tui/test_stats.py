"""The monthly counts screen: exact numbers and labels, switching months, empty months, lock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from peerdesk import vocab
from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.stats_export import MonthPickScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.stats import StatsScreen
from peerdesk.tui.widgets.bar_chart import BarChart, TrendChart, bar, chart_text
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.tui.helpers import SIZE, assert_locked, screen_text, type_text
from tests.tui.stats_helpers import (
    LAST_MONTH,
    LAST_MONTH_DAY,
    THIS_MONTH,
    TODAY,
    add,
    open_stats,
    settle,
)

TWO_BACK = (LAST_MONTH_DAY.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")


def fill_known(vault_path: Path) -> None:
    """Three contacts this month and two last month, every count known."""
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        add(vault, TODAY, ("work-stress", "sleep"), minutes=30, risk="low")
        add(
            vault,
            TODAY,
            ("work-stress",),
            mode="phone",
            initiated_by="supervisor",
            minutes=15,
            risk="elevated",
            outcome="referral",
            critical_incident=True,
        )
        add(
            vault,
            TODAY,
            ("grief",),
            mode="group",
            head_count=6,
            minutes=60,
            outcome="follow-up",
            group_kind="debriefing",
            for_whom="dispatcher",
            first_or_followup="follow-up",
        )
        add(vault, LAST_MONTH_DAY, ("anger",), minutes=5)
        add(vault, LAST_MONTH_DAY, ("anger",), minutes=5)


def chart(screen: StatsScreen, name: str) -> list[str]:
    """The lines a bar chart draws, runs of spaces squeezed to one."""
    drawn = screen.query_one(f"#chart-{name}", BarChart).plain.splitlines()
    return [" ".join(line.split()) for line in drawn]


def on_top(app: PeerdeskApp) -> object:
    """The screen on top, typed loosely so checks after an isinstance stay meaningful."""
    return app.screen


def numbers(line: str) -> list[int]:
    """The whole numbers in a drawn line (bars and labels left out)."""
    return [int(word) for word in line.split() if word.isdigit()]


def trend_lines(screen: StatsScreen) -> list[str]:
    drawn = screen.query_one("#stats-trend", TrendChart).plain.splitlines()
    return [" ".join(line.split()) for line in drawn]


async def test_a_month_with_data_shows_exact_counts_and_labels(closed_vault: Path) -> None:
    fill_known(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, app)
        assert screen.month == THIS_MONTH
        shown = " ".join(screen_text(app).split())
        assert f"{THIS_MONTH} (this month)" in shown
        assert "Contacts 3 Minutes 105 People in group contacts 6" in shown
        assert "Follow-ups completed 0" in shown
        assert "No contacts in" not in shown
        # Topics: most frequent first, only those that came up, each with its number.
        topics = chart(screen, "topic")
        assert [line.split(" \u2588")[0] for line in topics] == [
            "Work stress",
            "Grief",  # ties keep the vocabulary's order
            "Sleep/fatigue",
        ]
        assert topics[0].endswith(" 2") and topics[1].endswith(" 1") and topics[2].endswith(" 1")
        modes = chart(screen, "mode")
        assert len(modes) == len(vocab.MODES)  # every mode, zeros included
        assert modes[0].startswith("Cruiser-to-cruiser") and modes[0].endswith(" 1")
        assert modes[1] == "In person 0"  # zero: no bar at all, the number still there
        assert modes[2].startswith("Phone") and modes[2].endswith(" 1")
        assert modes[3] == "Video call 0"
        assert modes[5].startswith("Group") and modes[5].endswith(" 1")
        assert screen.query_one("#table-group_kind").display  # a month with a group
        outcomes = chart(screen, "outcome")
        assert [o.rsplit(" ", 1)[1] for o in outcomes] == ["1", "1", "1", "0"]
        assert outcomes[3] == "Escalated 0"
        for expected in (
            "Self 2",
            "Supervisor 1",
            "Colleague concern 0",
            "None 1",
            "Low 1",
            "Elevated 1",
            "Imminent 0",
            "After a critical incident 1",
            "Not after a critical incident 2",
            "Group contacts by kind Defusing 0 Debriefing 1 Demobilization 0",
            "Who the contact was for Sworn officer 2 Civilian staff 0 Dispatch/telecommunicator 1",
            "First contact or follow-up First contact 2 Follow-up 1",
        ):
            assert expected in shown, expected
        # The trend: twelve months ending with this one, contacts and minutes.
        trend = trend_lines(screen)
        assert trend[0] == "contacts minutes"
        assert len(trend) == 13
        assert trend[-1].startswith(THIS_MONTH) and numbers(trend[-1]) == [3, 105]
        assert trend[-2].startswith(LAST_MONTH) and numbers(trend[-2]) == [2, 10]
        assert numbers(trend[1]) == [0, 0]  # eleven months ago: nothing
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_switching_months_updates_and_an_empty_month_says_so(closed_vault: Path) -> None:
    fill_known(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, app)
        topic_chart = screen.query_one("#chart-topic", BarChart)
        await pilot.press("left_square_bracket")
        await settle(pilot, screen)
        assert screen.month == LAST_MONTH
        shown = " ".join(screen_text(app).split())
        assert "Contacts 2 Minutes 10 People in group contacts 0" in shown
        assert "(this month)" not in shown
        # No group contact last month: no breakdown of one; who for is always there.
        assert not screen.query_one("#table-group_kind").display
        assert screen.query_one("#table-for_whom").display
        topics = chart(screen, "topic")
        assert len(topics) == 1 and topics[0].startswith("Anger") and numbers(topics[0]) == [2]
        assert screen.query_one("#chart-topic", BarChart) is topic_chart  # updated, not rebuilt
        assert trend_lines(screen)[-1].startswith(LAST_MONTH)
        await pilot.press("left_square_bracket")
        await settle(pilot, screen)
        assert screen.month == TWO_BACK
        shown = " ".join(screen_text(app).split())
        assert f"No contacts in {TWO_BACK}." in shown
        assert "Contacts 0 Minutes 0" in shown
        assert not screen.query_one("#stats-charts").display
        assert all(numbers(line) == [0, 0] for line in trend_lines(screen)[1:])
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot, screen)
        assert screen.month == THIS_MONTH
        assert screen.query_one("#stats-charts").display
        assert "Contacts 3" in screen_text(app)
        await pilot.press("right_square_bracket")  # never past this month
        assert screen.month == THIS_MONTH


async def test_a_typed_month_is_checked_then_shown(closed_vault: Path) -> None:
    fill_known(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, app)
        await pilot.press("g")
        assert isinstance(app.screen, MonthPickScreen)
        await pilot.press("ctrl+u")
        await type_text(pilot, "2020-13")
        await pilot.press("enter")
        assert isinstance(app.screen, MonthPickScreen)
        assert "2020-13" in screen_text(app)  # the sentence names what was typed
        await pilot.press("ctrl+u")
        await type_text(pilot, f"{TODAY.year + 1}-01")
        await pilot.press("enter")
        assert "has not started yet" in screen_text(app)
        await pilot.press("ctrl+u")
        await type_text(pilot, LAST_MONTH)
        await pilot.press("enter")
        await settle(pilot, screen)
        assert on_top(app) is screen
        assert screen.month == LAST_MONTH
        assert "Contacts 2" in screen_text(app)
        await pilot.press("g", "escape")
        assert on_top(app) is screen and screen.month == LAST_MONTH


async def test_lock_from_the_stats_screen_drops_it(closed_vault: Path) -> None:
    fill_known(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_stats(pilot, app)
        await pilot.press("e")  # with the export dialog open on top, too
        await pilot.press("ctrl+l")
        await assert_locked(pilot, app, closed_vault)
        assert not any(isinstance(s, StatsScreen) for s in app.screen_stack)
        assert "Contacts" not in screen_text(app)


async def test_volume_counts_add_up_and_scrolling_reaches_the_trend(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        synthetic_contacts.fill(vault, count=3000, months=24, today=TODAY)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stats(pilot, app)
        await pilot.press("left_square_bracket")
        await settle(pilot, screen)
        counts = screen.counts
        assert counts is not None and counts.month == LAST_MONTH and counts.contacts > 50
        modes = chart(screen, "mode")
        assert sum(int(line.rsplit(" ", 1)[1]) for line in modes) == counts.contacts
        topics = chart(screen, "topic")
        assert sum(int(line.rsplit(" ", 1)[1]) for line in topics) >= counts.contacts
        assert f"Contacts {counts.contacts} " in screen_text(app)
        scroll = screen.query_one("#stats-scroll")
        assert scroll.max_scroll_y > 0  # more than 80x24 holds: it scrolls
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("up")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y - 1


def test_bars_scale_and_never_hide_a_small_count() -> None:
    assert bar(0, 10, 20) == ""
    assert bar(10, 10, 20) == "\u2588" * 20
    assert bar(5, 10, 20) == "\u2588" * 10
    assert bar(1, 1000, 20) == "\u258f"  # an eighth: visible, not zero
    drawn = chart_text([("Legal/internal investigation", 400), ("Grief", 1)], 30).plain
    for line in drawn.splitlines():
        assert len(line) <= 30
    assert drawn.splitlines()[0].endswith("400") and drawn.splitlines()[1].endswith("  1")
    assert "\u2026" in drawn  # the long label was cut, the count kept
