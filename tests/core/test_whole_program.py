"""The comparing reader's program answers "can this be so low / so high" exactly.

`WholeProgram.reaches` is what every check of the comparison asks; it answers from
solutions seen, the linear bound, or one integer run with the question as a row. Here
it is checked against enumerating every whole solution of small programs built like a
period's: a table adding up to its total, and duration bands whose minutes make the
linear program's vertices fractional, with a publication's "at most one large" fact.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from peerdesk.reports.solutions import Expr
from peerdesk.reports.whole_program import WholeProgram

TOP = 6  # every unknown from 0 to TOP: small enough to enumerate


def _program(total: int, minutes: int, large: bool) -> WholeProgram:
    """Unknowns: three cells of a table summing to `total`, and two duration bands
    (15-29 and 30-59 minutes a contact) whose minutes add up to `minutes`."""
    program = WholeProgram()
    cells = [program.var(0, TOP) for _ in range(5)]
    program.add(({0: 1, 1: 1, 2: 1}, 0), total, total)
    program.add(({3: 15, 4: 30}, 0), None, minutes)
    program.add(({3: 29, 4: 59}, 0), minutes, None)
    if large:
        program.at_most_one_large(cells[:3], 3)
    return program


def _holds(point: tuple[int, ...], total: int, minutes: int, large: bool) -> bool:
    if sum(point[:3]) != total or not 15 * point[3] + 30 * point[4] <= minutes:
        return False
    if not minutes <= 29 * point[3] + 59 * point[4]:
        return False
    return not large or sum(v >= 3 for v in point[:3]) <= 1


@settings(max_examples=60, deadline=None)
@given(
    truth=st.tuples(*(st.integers(0, TOP) for _ in range(5))),
    large=st.booleans(),
    data=st.data(),
)
def test_each_question_is_answered_as_enumeration_answers_it(
    truth: tuple[int, ...], large: bool, data: st.DataObject
) -> None:
    if large and sum(v >= 3 for v in truth[:3]) > 1:
        truth = (min(truth[0], 2), min(truth[1], 2), *truth[2:])
    total = sum(truth[:3])
    minutes = 15 * truth[3] + 30 * truth[4] + (14 * truth[3] + 29 * truth[4]) // 2
    program = _program(total, minutes, large)
    # the comparison solves once before it asks anything: a solution is seen
    assert program.solve({}, minimise=True) is not None
    points = [
        p for p in itertools.product(range(TOP + 1), repeat=5) if _holds(p, total, minutes, large)
    ]
    questions = data.draw(
        st.lists(
            st.tuples(
                st.sampled_from([(0,), (3,), (4,), (1, 4), (3, 2)]),
                st.integers(-TOP, TOP),
                st.booleans(),
            ),
            min_size=1,
            max_size=8,
        )
    )
    for terms, bound, low in questions:
        # one cell, or a difference of two: how a change between publications is asked
        coefs = {terms[0]: 1, **({terms[1]: -1} if len(terms) > 1 else {})}
        expr: Expr = (coefs, 0)
        values = [sum(c * p[i] for i, c in coefs.items()) for p in points]
        expected = min(values) <= bound if low else max(values) >= bound
        assert program.reaches(expr, bound, low=low) == expected, (terms, bound, low)


@settings(max_examples=30, deadline=None)
@given(truth=st.tuples(*(st.integers(0, TOP) for _ in range(5))), large=st.booleans())
def test_a_first_solution_is_a_solution_and_an_exact_one_is_the_least(
    truth: tuple[int, ...], large: bool
) -> None:
    """The comparison's first solve needs any whole solution (`exact=False`); the
    extremes need the optimum. Both against enumeration, on fractional vertices."""
    if large and sum(v >= 3 for v in truth[:3]) > 1:
        truth = (min(truth[0], 2), min(truth[1], 2), *truth[2:])
    total = sum(truth[:3])
    minutes = 15 * truth[3] + 30 * truth[4] + (14 * truth[3] + 29 * truth[4]) // 2
    points = {
        p for p in itertools.product(range(TOP + 1), repeat=5) if _holds(p, total, minutes, large)
    }
    objective = {3: 1, 4: 2}
    rough = _program(total, minutes, large).solve(objective, minimise=True, exact=False)
    exact = _program(total, minutes, large).solve(objective, minimise=True)
    assert rough is not None and tuple(rough) in points
    assert exact is not None and tuple(exact) in points
    assert exact[3] + 2 * exact[4] == min(p[3] + 2 * p[4] for p in points)


def test_a_question_leaves_nothing_behind_for_the_exact_extremes_asked_after_it() -> None:
    """A question the linear bound cannot settle is a row added for one integer run; a
    row left behind would narrow every later answer (a range said narrower than it is
    hides more than needed, or cannot be fixed). Here 51 minutes of contacts: the
    linear program's vertices are fractional, so the answers need integer runs."""
    total, minutes = 0, 51
    points = [
        p for p in itertools.product(range(TOP + 1), repeat=5) if _holds(p, total, minutes, True)
    ]
    values = [p[3] for p in points]
    program = _program(total, minutes, large=True)
    assert program.solve({}, minimise=True) is not None
    # as a change since a shown count of 1 asks it: can the cell be 0
    assert program.reaches(({3: 1}, -1), -1, low=True) == (min(values) <= 0)
    assert program.extreme(({3: 1}, 7), low=False) == max(values) + 7
    assert program.extreme(({3: 1}, 7), low=True) == min(values) + 7
