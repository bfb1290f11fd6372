"""`python -m composer.data.token_costs`: what the tokens cost, per bar and per role, as JSON.

Proposal speed is set by how many tokens a cell takes, so this measures it on
the cached corpus (run `python -m composer.data.build` first; this reuses its
cache and converts whatever is missing): per source and role, the mean context
tokens per bar (empty cells count as 0, they cost nothing), per non-empty
cell, and how much of it is velocity (the chord lane is `chord_lane`, apart
from a track whose role is `chords`, like Nottingham's realised chords); plus the structure tokens (BAR, meter and
key changes) per bar. A fill costs its cell tokens plus 6 (BAR, TRK, three
controls, FILL_END; 3 for a chord cell).
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from composer.data.cache import DEFAULT_CACHE_DIR, load_source
from composer.data.sources import SOURCES
from composer.tokens.encode import cell_tokens
from composer.tokens.grid import song_grid
from composer.tokens.vocab import VOCAB


def role_costs(songs) -> dict:
    """Token counts per role over `songs` (CorpusSong), see the module docstring."""
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    velocity = VOCAB.groups["VEL"]
    structure = bars_seen = 0
    for item in songs:
        try:
            grid = song_grid(item.song)
        except ValueError:
            continue  # a meter the vocabulary lacks; the build reports those
        bars_seen += grid.bar_count
        structure += grid.bar_count + sum(grid.meters[b] != grid.meters[b - 1] for b in range(1, grid.bar_count)) \
            + sum(grid.keys[b] != grid.keys[b - 1] for b in range(1, grid.bar_count))
        for lane_index, lane in enumerate(grid.lanes):
            role = "chord_lane" if lane.is_chords else "drums" if lane.drums else lane.role
            counts = totals[role]
            counts["bars"] += grid.bar_count
            for bar in range(grid.bar_count):
                ids = cell_tokens(grid, bar, lane_index)
                if ids:
                    counts["cells"] += 1
                    counts["tokens"] += len(ids)
                    counts["velocity_tokens"] += sum(i in velocity for i in ids)
                    counts["notes"] += len(grid.cells[bar][lane_index])  # notes, or chord symbols
    roles = {role: {"tokens_per_bar": round(c["tokens"] / c["bars"], 1),
                    "events_per_bar": round(c["notes"] / c["bars"], 2),
                    "tokens_per_nonempty_cell": round(c["tokens"] / max(c["cells"], 1), 1),
                    "nonempty_share": round(c["cells"] / c["bars"], 2),
                    "tokens_per_event": round(c["tokens"] / max(c["notes"], 1), 2),
                    "velocity_share": round(c["velocity_tokens"] / max(c["tokens"], 1), 2)}
             for role, c in sorted(totals.items())}
    return {"songs": len(songs), "bars": bars_seen,
            "structure_tokens_per_bar": round(structure / max(bars_seen, 1), 2), "roles": roles}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=Path("../shared/datasets"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE_DIR)
    parser.add_argument("--sources", nargs="*", default=list(SOURCES), choices=list(SOURCES))
    args = parser.parse_args(argv)
    report = {name: role_costs(load_source(name, args.datasets, args.limit, args.cache_dir).songs)
              for name in args.sources}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
