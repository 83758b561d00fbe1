"""How a table fits a width: which columns it keeps and how wide each is, never breaking a word or an id.

Widths are terminal cells (`rich.cells.cell_len`: a wide character takes two), and a line breaks only
at a plain space: the no-break space that joins a number to its unit (output/text.py) never breaks.
`wrap` lays a cell out in its width the same way, so the terminal renderer never has to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

#: Characters a table spends on each gap between two columns (padding and the blank rule).
GAP = 3


@dataclass(frozen=True, eq=False, repr=False)
class Fit:
    """The columns kept (by index, in order) and their widths; `stacked` when no table fits at all."""

    kept: tuple[int, ...]
    widths: tuple[int, ...]
    stacked: bool = False


_BREAK = re.compile(r"[ \t]+")


def _words(cell: str) -> list[str]:
    """The pieces a line may break between: the text between plain spaces (a no-break space joins)."""
    return [word for line in cell.splitlines() for word in _BREAK.split(line.strip()) if word] or [""]


def _longest_line(cell: str) -> int:
    return max((cell_len(line) for line in cell.splitlines()), default=0)


def wrap(cell: str, width: int) -> list[str]:
    """A cell's lines at `width` cells, breaking only at plain spaces; a word wider than `width` stays whole."""
    lines: list[str] = []
    for line in cell.splitlines() or [""]:
        current, used = "", 0
        for word in _BREAK.split(line.strip()):
            if not word:
                continue
            size = cell_len(word)
            if current and used + 1 + size > width:
                lines.append(current)
                current, used = word, size
            else:
                current, used = (f"{current} {word}", used + 1 + size) if current else (word, size)
        lines.append(current)
    return lines


def fit(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    *,
    whole: Sequence[int] = (),
    drop: Sequence[int] = (),
) -> Fit:
    """Choose columns and widths so that the table is at most `width` characters wide.

    - A column never gets narrower than its longest word, so words wrap at spaces and never break;
      a `whole` column (ids) never gets narrower than its longest cell.
    - When even that does not fit, the columns in `drop` are left out in that order.
    - Columns that fit get their natural width (nothing wasted on a wide terminal); when they do not,
      the spare width goes where it saves most lines. Columns are left out, in the order of `drop`,
      while some column is still too narrow for its usual cell.
    - If nothing fits after every drop, the result is `stacked`: one block per row instead of a table.
    """
    columns = list(range(len(headers)))
    least = [
        max(cell_len(word) for word in _words(headers[c]) + [w for row in rows for w in _words(row[c])])
        for c in columns
    ]
    for c in whole:
        least[c] = max([least[c], *(_longest_line(row[c]) for row in rows)])
    most = [max([_longest_line(headers[c]), *(_longest_line(row[c]) for row in rows)]) for c in columns]
    typical = [_typical(c, rows) for c in columns]
    kept = list(columns)
    to_drop = list(drop)
    last: Fit | None = None
    while True:
        # Each column first grows to its usual cell, up to a fifth of the width, so that long names keep room.
        shape = _allocate(kept, least, most, [min(t, width // 5) for t in typical], rows, width)
        if shape is not None:
            shape = _rebalanced(shape, least, typical, width)
            last = shape
            if not _cramped(shape, typical, width):
                return shape
        if not to_drop:
            return last or Fit(tuple(columns), tuple(most), stacked=True)
        kept.remove(to_drop.pop(0))


def _typical(c: int, rows: Sequence[Sequence[str]]) -> int:
    """The width that shows three cells in four of column `c` on one line, not counting empty ones ("—")."""
    lengths = sorted(_longest_line(row[c]) for row in rows if row[c].strip() not in ("", "—")) or [0]
    return lengths[max(0, -(-3 * len(lengths) // 4) - 1)]


def _rebalanced(shape: Fit, least: list[int], typical: list[int], width: int) -> Fit:
    """`shape` with width moved to each column too narrow for its usual cell from columns wider than they need
    (their usual cell, or their longest word), widest surplus first: a long name wraps over more lines before a
    column is left out, and no column is made too narrow for another."""
    widths = dict(zip(shape.kept, shape.widths, strict=True))
    need = {c: min(typical[c], width // 3) for c in shape.kept}
    for c in shape.kept:
        deficit = need[c] - widths[c]
        while deficit > 0:
            spare = {d: widths[d] - max(least[d], need[d]) for d in shape.kept if d != c}
            donor = max(spare, key=lambda d: spare[d], default=None)
            if donor is None or spare[donor] <= 0:
                break
            step = min(deficit, spare[donor])
            widths[donor] -= step
            widths[c] += step
            deficit -= step
    return Fit(shape.kept, tuple(widths[c] for c in shape.kept))


def _cramped(shape: Fit, typical: list[int], width: int) -> bool:
    """Whether some column is too narrow for its usual cell (a long column only for a third of the width)."""
    return any(w < min(typical[c], width // 3) for c, w in zip(shape.kept, shape.widths, strict=True))


def _height(shape: Fit, rows: Sequence[Sequence[str]]) -> int:
    """How many lines the rows take at these widths, wrapping words at spaces."""
    return sum(
        max(_wrapped(row[c], w) for c, w in zip(shape.kept, shape.widths, strict=True)) if shape.kept else 1
        for row in rows
    )


def _wrapped(cell: str, width: int) -> int:
    return len(wrap(cell, width))


def _allocate(
    kept: list[int], least: list[int], most: list[int], usual: list[int], rows: Sequence[Sequence[str]], width: int
) -> Fit | None:
    """Widths for the `kept` columns within `width`, or None if their longest words do not fit.

    Each column starts at its longest word, then grows to its `usual` width while there is room; the
    spare characters then go, a step at a time, to the column where they save the most lines per
    character, until every cell is on one line or no width is left.
    """
    room = width - GAP * (len(kept) - 1)
    if sum(least[c] for c in kept) > room or not kept:
        return None if kept else Fit((), ())
    if sum(most[c] for c in kept) <= room:
        return Fit(tuple(kept), tuple(most[c] for c in kept))
    widths = {c: least[c] for c in kept}
    spare = room - sum(widths.values())
    for c in sorted(kept, key=lambda c: usual[c] - least[c]):
        grant = max(0, min(usual[c] - widths[c], spare))
        widths[c] += grant
        spare -= grant
    lengths = {c: sorted({_longest_line(row[c]) for row in rows} | {most[c]}) for c in kept}
    heights: dict[tuple[int, int], list[int]] = {}

    def column(c: int, w: int) -> list[int]:
        if (c, w) not in heights:
            heights[c, w] = [_wrapped(row[c], w) for row in rows]
        return heights[c, w]

    while spare > 0:
        current = {c: column(c, widths[c]) for c in kept}
        best: tuple[float, int, int] | None = None
        for c in kept:
            others = [max((current[k][r] for k in kept if k != c), default=1) for r in range(len(rows))]
            now = sum(max(o, h) for o, h in zip(others, current[c], strict=True))
            goals = [g for g in lengths[c] if widths[c] < g <= widths[c] + spare][:4]
            if not goals and spare:  # every cell longer than the room left (a sentence): all of it, if it helps
                goals = [widths[c] + spare]
            for goal in goals:
                saved = now - sum(max(o, h) for o, h in zip(others, column(c, goal), strict=True))
                if saved > 0 and (best is None or saved / (goal - widths[c]) > best[0]):
                    best = (saved / (goal - widths[c]), c, goal)
        if best is None:  # no one step saves a line (two cells wrap in every row): take the smallest step
            steps = sorted(
                (g - widths[c], c, g) for c in kept for g in lengths[c] if widths[c] < g <= widths[c] + spare
            )
            if not steps:
                break
            best = (0.0, steps[0][1], steps[0][2])
        spare -= best[2] - widths[best[1]]
        widths[best[1]] = best[2]
    return Fit(tuple(kept), tuple(widths[c] for c in kept))


def stacked_lines(headers: Sequence[str], row: Sequence[str], width: int) -> list[str]:
    """One row as a card of lines, for a narrow terminal: the first cell, then `header: value`."""
    lines = wrap(row[0], width)
    for header, cell in zip(headers[1:], row[1:], strict=True):
        if cell:
            first, *rest = wrap(f"{header}: {cell}" if header else cell, width - 2)
            lines += [f"  {first}", *(f"    {more}" for more in wrap(" ".join(rest), width - 4) if rest)]
    return lines
