"""Percentages in a team report, made only of numbers the report already shows. Pure.

A table's percentages are of its *base*: the figure it partitions (contacts for mode,
initiator, risk, outcome and critical incident; referrals made for the statuses), or
the figure it is counted against (topics, as a share of contacts: they add up to more
than 100%). A cell's percentage is shown only when the cell and its base are both
shown: it is then the reader's own division of two printed numbers, rounded, so it
tells nothing the counts do not. Every other percentage is hidden:

- a hidden cell's: with the base printed, even a rounded share narrows the count
  (2% of 200 contacts is 3 or 4, which proves a small count and nearly pins it);
- any share of a hidden base: the share and the shown count would give the base back;
- a share of the shown cells' own sum is never used as a stand-in: it is not the
  share of anything a reader can check.

A table tied to no figure (one from a newer peerdesk) has no percentages.
"""

from __future__ import annotations

from collections.abc import Mapping

from peerdesk.reports.counts import spec_of

Cell = int | None


def base_of(table: str, figures: Mapping[str, Cell]) -> int | None:
    """The shown figure a table's percentages are of; None when it is hidden, 0 or absent."""
    spec = spec_of(table)
    name = spec.total or spec.at_least
    base = figures.get(name) if name else None
    return base if base else None


def percent(value: int, base: int) -> int:
    """value / base as a whole percentage, halves rounded up (exact integer arithmetic)."""
    return (200 * value + base) // (2 * base)


def percent_text(value: int, base: int) -> str:
    """ "68%"; "<1%" for a count that rounds to 0 and ">99%" for one that rounds to 100
    without being the whole base, so a rounded share never claims nobody or everybody."""
    whole = percent(value, base)
    if value > 0 and whole == 0:
        return "<1%"
    if value < base and whole == 100:
        return ">99%"
    return f"{whole}%"


def shares(table: str, cells: Mapping[str, Cell], figures: Mapping[str, Cell]) -> dict[str, str]:
    """The shown percentage of every cell that may have one, by category id.

    A cell missing from the answer has no percentage: it is hidden, or the base is.
    """
    base = base_of(table, figures)
    if base is None:
        return {}
    return {cid: percent_text(v, base) for cid, v in cells.items() if v is not None}


def total_share(table: str, figures: Mapping[str, Cell]) -> str | None:
    """ "100%" beside a table's total row when the total is its shown base, else None."""
    spec = spec_of(table)
    return "100%" if spec.total and base_of(table, figures) is not None else None
