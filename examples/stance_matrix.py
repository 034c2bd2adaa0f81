"""The issue × participant stance matrix of a briefing, drawn as a PNG with matplotlib: one row an
issue, one column a participant, each cell coloured by the stance held (support, oppose, concern,
neutral) and blank where none is.

    python examples/stance_matrix.py [PATH] [OUT.png]   (default: the Arctic example, stances.png)
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to a file, no window
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import ListedColormap  # noqa: E402

import briefing  # noqa: E402

HERE = Path(__file__).resolve().parent
STANCES = ["support", "neutral", "concern", "oppose"]
COLOURS = ["#2e7d32", "#9e9e9e", "#f9a825", "#c62828"]


def matrix(result: briefing.Briefing) -> tuple[list[str], list[str], list[list[float]]]:
    """Issue labels, participant names, and the stance index of each cell (NaN for none)."""
    issues = [i for i in result.issues if i.positions]
    people = [p for p in result.participants if any(pos.participant == p.id for i in issues for pos in i.positions)]
    cells = [[float("nan")] * len(people) for _ in issues]
    for row, issue in enumerate(issues):
        for position in issue.positions:
            column = next(k for k, p in enumerate(people) if p.id == position.participant)
            cells[row][column] = STANCES.index(position.stance)
    return [i.label for i in issues], [p.name for p in people], cells


def main(path: Path, out: Path) -> None:
    labels, names, cells = matrix(briefing.extract(path))
    if not labels:
        print("no stances in this briefing")
        return
    figure, axes = plt.subplots(figsize=(1.6 + 1.1 * len(names), 0.9 + 0.45 * len(labels)))
    axes.imshow(cells, cmap=ListedColormap(COLOURS), vmin=-0.5, vmax=len(STANCES) - 0.5, aspect="auto")
    axes.set_xticks(range(len(names)), names, rotation=30, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    for row, values in enumerate(cells):
        for column, value in enumerate(values):
            if value == value:  # not NaN
                axes.text(column, row, STANCES[int(value)], ha="center", va="center", color="white", fontsize=8)
    figure.tight_layout()
    figure.savefig(out, dpi=120)
    print(f"wrote {out} ({len(labels)} issues × {len(names)} participants)")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else HERE / "arctic_fisheries_briefing.txt", Path(args[1]) if len(args) > 1 else Path("stances.png"))
