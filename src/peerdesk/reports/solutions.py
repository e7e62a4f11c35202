"""The whole solutions a comparing reader's program has found, also as one array. Pure.

peerdesk.reports.whole_program keeps every solution its solver finds: a value seen in
one is a value the reader cannot rule out, which settles most checks without a solve.
They are read thousands of times (the lowest and highest of a cell, each cell for the
next step), so beside the list they are kept as the rows of one numpy array (numpy
comes with HiGHS and is loaded with it), grown by the solutions added since.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from peerdesk.reports.solver import AuditError, Sums

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

Expr = tuple[dict[int, int], int]  # coefficients by unknown, and a constant


class Solutions(list[list[int]]):
    """Solutions of `width` unknowns each, in the order found."""

    def __init__(self) -> None:
        super().__init__()
        self._stacked: NDArray[np.int64] | None = None

    def seen(self, expr: Expr, width: int) -> tuple[int, int]:
        """The lowest and highest value of `expr` over the solutions."""
        coefs, constant = expr
        if not coefs:
            return constant, constant
        values = self.at(coefs, width)
        return constant + int(values.min()), constant + int(values.max())

    def evaluate(self, exprs: Sequence[Expr], width: int) -> list[list[int]]:
        """Each of `exprs` at each solution: one list per solution."""
        import numpy as np

        sums = [i for i, (coefs, _) in enumerate(exprs) if coefs]
        table = np.tile(np.array([c for _, c in exprs], np.int64), (len(self), 1))
        if sums:
            table[:, sums] += Sums([exprs[i][0] for i in sums]).at(self.matrix(width))
        return table.tolist()  # type: ignore[no-any-return]

    def at(self, coefs: Mapping[int, int], width: int) -> NDArray[np.int64]:
        """The sum `coefs` at each solution."""
        import numpy as np

        weights = np.fromiter(coefs.values(), np.int64, len(coefs))
        return self.matrix(width)[:, list(coefs)] @ weights

    def matrix(self, width: int) -> NDArray[np.int64]:
        """The solutions as one array, the new ones added since it was last made."""
        import numpy as np

        done = 0 if self._stacked is None else len(self._stacked)
        if done < len(self):
            new = np.array(self[done:], np.int64).reshape(-1, width)
            self._stacked = new if self._stacked is None else np.vstack((self._stacked, new))
        if self._stacked is None:
            raise AuditError("the comparison's program was read before it was solved")
        return self._stacked
