"""The issue × participant stance matrix of a briefing, drawn as a PNG with matplotlib: one row an
issue, one column a participant, each cell naming the stances held (support, oppose, concern,
neutral: a participant may hold two on one topic) and coloured by the first that is not neutral,
blank where none is.

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
from briefing.report.sides import stance_matrix  # noqa: E402

HERE = Path(__file__).resolve().parent
STANCES = ["support", "neutral", "concern", "oppose"]
COLOURS = ["#2e7d32", "#9e9e9e", "#f9a825", "#c62828"]


def matrix(result: briefing.Briefing) -> tuple[list[str], list[str], list[list[tuple[str, ...]]]]:
    """Issue labels, participant names, and the stances of each cell (none for no position)."""
    held = stance_matrix(result)
    issues = [i for i in result.issues if i.id in held]
    people = [p for p in result.participants if any(p.id in held[i.id] for i in issues)]
    return [i.label for i in issues], [p.name for p in people], [[held[i.id].get(p.id, ()) for p in people] for i in issues]


def _colour(stances: tuple[str, ...]) -> float:
    """The colour index of a cell: its first stance that is not neutral (NaN for an empty cell)."""
    if not stances:
        return float("nan")
    return STANCES.index(next((s for s in stances if s != "neutral"), "neutral"))


def main(path: Path, out: Path) -> None:
    labels, names, cells = matrix(briefing.extract(path))
    if not labels:
        print("no stances in this briefing")
        return
    figure, axes = plt.subplots(figsize=(1.6 + 1.1 * len(names), 0.9 + 0.45 * len(labels)))
    colours = [[_colour(stances) for stances in row] for row in cells]
    axes.imshow(colours, cmap=ListedColormap(COLOURS), vmin=-0.5, vmax=len(STANCES) - 0.5, aspect="auto")
    axes.set_xticks(range(len(names)), names, rotation=30, ha="right")
    axes.set_yticks(range(len(labels)), labels)
    for row, values in enumerate(cells):
        for column, stances in enumerate(values):
            axes.text(column, row, "\n".join(stances), ha="center", va="center", color="white", fontsize=8)
    figure.tight_layout()
    figure.savefig(out, dpi=120)
    print(f"wrote {out} ({len(labels)} issues × {len(names)} participants)")


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0]) if args else HERE / "arctic_fisheries_briefing.txt", Path(args[1]) if len(args) > 1 else Path("stances.png"))
