"""Is a style's output measurably closer to the held-out pieces than the base model's? Paired bootstrap intervals.

`bench_learn_style.py evaluate` gives, region by region, the original bars and each model's proposal
(`composer.style.measure.region_cells`: the same regions and seeds for both). Each region becomes one row of
totals per side (notes-a-bar and range errors, in-key counts, repeats, a 12-bin pitch-class and a 12-bin
key-relative degree histogram, its own 4-bar pitch-class distance); a statistic is a function of a side's
summed rows. The bootstrap resamples regions with their base and styled rows kept together, recomputes every
statistic for both from the resampled totals, and reports the 2.5/97.5 percentiles of (styled - base).
Statistics where "closer" means nearer the originals' own level (notes a bar, range, in key, repeats) are
turned into the gap to the originals' value in the same resample. docs/STYLES.md says which statistic leads
and why (written before the numbers).
"""
from __future__ import annotations

import sys
from collections import Counter

import numpy as np

from composer.metrics import CellScores, repetition
from composer.style.measure import REPEAT_LOOKBACK, degree_counts, pitch_class_distance

# columns of a region's row
DENS_ERR, CELLS, RANGE_ERR, RANGES, SPAN, FILLED_RANGES, IN_KEY, KEYED, NOTES, FILLED, REPEATS, REGION_PCD, \
    REGION_PCD_N = range(13)
PC = slice(13, 25)
DEG = slice(25, 37)
WIDTH = 37


def region_row(region, name: str) -> np.ndarray | None:
    """One side's totals for one region, its takes summed (None where that side has no take)."""
    if not region.takes[name]:
        return None
    row = np.zeros(WIDTH)
    original = _pitch_classes(region.takes["original"][0])
    lane, truth = region.lane, region.truth
    before = [truth.cells[b][lane] for b in range(max(0, region.bars.start - REPEAT_LOOKBACK), region.bars.start)]
    for cells in region.takes[name]:
        scores = CellScores()
        for b, cell in zip(region.bars, cells):
            scores.add(truth, b, lane, cell, truth.cells[b][lane])
        row[DENS_ERR] += sum(scores.density_errors)
        row[CELLS] += len(scores.density_errors)
        row[RANGE_ERR] += sum(scores.range_errors)
        row[RANGES] += len(scores.range_errors)
        row[SPAN] += sum(scores.ranges)
        row[FILLED_RANGES] += len(scores.ranges)
        row[IN_KEY] += scores.in_key
        row[KEYED] += scores.keyed
        row[NOTES] += scores.notes
        filled, repeats = repetition(cells, before)
        row[FILLED] += filled
        row[REPEATS] += repeats
        pitch_classes = _pitch_classes(cells)
        row[PC] += [pitch_classes[pc] for pc in range(12)]
        distance = pitch_class_distance(pitch_classes, original)      # this take's 4 bars against the originals
        if distance is not None:
            row[REGION_PCD] += distance
            row[REGION_PCD_N] += 1
        for degree, count in degree_counts(truth, region.bars, cells).items():
            row[DEG.start + degree] += count
    return row


def _pitch_classes(cells) -> Counter:
    return Counter(event.pitch % 12 for cell in cells for event in cell)


def _ratio(a, b):
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1), np.nan)


def _distance(a, b):
    """Half the L1 distance between histograms (rows of a and b, or a fixed b)."""
    a = a / np.maximum(a.sum(axis=-1, keepdims=True), 1e-12)
    b = b / np.maximum(b.sum(axis=-1, keepdims=True), 1e-12)
    return 0.5 * np.abs(a - b).sum(axis=-1)


# name, how it is computed from summed rows (side, original, reference degrees), whether it is a gap to
# the originals' level (then the originals' own value is shown and the gap is what is compared)
STATISTICS = [
    ("degree distance to the pieces (lead)", lambda s, o, r: _distance(s[..., DEG], r), False),
    ("pitch-class distance, pooled, same bars", lambda s, o, r: _distance(s[..., PC], o[..., PC]), False),
    ("pitch-class distance, per region (mean)", lambda s, o, r: _ratio(s[..., REGION_PCD], s[..., REGION_PCD_N]),
     False),
    ("notes-a-bar error vs the bar", lambda s, o, r: _ratio(s[..., DENS_ERR], s[..., CELLS]), False),
    ("range error vs the bar", lambda s, o, r: _ratio(s[..., RANGE_ERR], s[..., RANGES]), False),
    ("notes a bar", lambda s, o, r: _ratio(s[..., NOTES], s[..., CELLS]), True),
    ("range (semitones)", lambda s, o, r: _ratio(s[..., SPAN], s[..., FILLED_RANGES]), True),
    ("in key", lambda s, o, r: _ratio(s[..., IN_KEY], s[..., KEYED]), True),
    ("repeated bars", lambda s, o, r: _ratio(s[..., REPEATS], s[..., FILLED]), True),
]


def compare(regions: list, reference: dict, resamples: int, seed: int = 0) -> list[dict]:
    """Per statistic: base, styled and (for levels) the originals' value on all regions, and the paired
    bootstrap 95% interval of (styled - base), of the gap to the originals for levels (negative: closer)."""
    rows = [(region_row(r, "base"), region_row(r, "styled"), region_row(r, "original")) for r in regions]
    rows = [r for r in rows if r[0] is not None and r[1] is not None]     # paired: both sides proposed
    base, styled, original = (np.stack([r[i] for r in rows]) for i in range(3))
    ref = np.array([reference.get(d, 0.0) for d in range(12)])
    weights = np.random.default_rng(seed).multinomial(len(rows), [1 / len(rows)] * len(rows), size=resamples)
    report = []
    for name, stat, level in STATISTICS:
        point = {side: float(stat(x.sum(0), original.sum(0), ref)) for side, x in
                 (("base", base), ("styled", styled), ("original", original))}
        b, s, o = (stat(weights @ x, weights @ original, ref) for x in (base, styled, original))
        diff = (np.abs(s - o) - np.abs(b - o)) if level else (s - b)
        diff = diff[~np.isnan(diff)]
        low, high = np.percentile(diff, [2.5, 97.5])
        row = {"statistic": name, "base": round(point["base"], 4), "styled": round(point["styled"], 4),
               "difference_ci95": [round(float(low), 4), round(float(high), 4)],
               "verdict": "closer" if high < 0 else "further" if low > 0 else "not measurably different"}
        if level:
            row["original"] = round(point["original"], 4)
        else:
            row["original_floor"] = round(point["original"], 4)
        # the power check: the originals' own bars, the closest any model could write, against the base (for a
        # level: the originals' value minus the base's, either side of 0); when its interval holds 0 this
        # statistic cannot show any style closer on these regions
        room = (o - b)[~np.isnan(o - b)]
        low, high = np.percentile(room, [2.5, 97.5])
        row["originals_minus_base_ci95"] = [round(float(low), 4), round(float(high), 4)]
        row["resolvable"] = bool(high < 0 or (level and low > 0))
        report.append(row)
    report.insert(0, {"statistic": "paired regions", "count": len(rows), "dropped": len(regions) - len(rows)})
    return report


def loss_interval(losses: dict[str, list[float]], resamples: int, seed: int = 0) -> dict:
    """Held-out loss per window batch, paired: means and the bootstrap 95% interval of (styled - base)."""
    base, styled = np.array(losses["base"]), np.array(losses["styled"])
    picks = np.random.default_rng(seed).integers(0, len(base), size=(resamples, len(base)))
    diff = (styled[picks] - base[picks]).mean(axis=1)
    low, high = np.percentile(diff, [2.5, 97.5])
    return {"batches": len(base), "base": round(float(base.mean()), 4), "styled": round(float(styled.mean()), 4),
            "difference_ci95": [round(float(low), 4), round(float(high), 4)],
            "lower_in_batches": int((styled < base).sum())}


def print_table(style: str, folder: str, loss: dict, rows: list[dict], regions: int) -> None:
    """The same figures as a markdown table on stderr (the JSON line goes to stdout)."""
    out = sys.stderr
    print(f"\nstyle {style!r} on {folder}: {regions} regions, {loss['batches']} loss batches", file=out)
    print("| statistic | base | with the style | the songs | styled - base, 95% interval | verdict | "
          "power: the songs' own bars - base |", file=out)
    print("|---|---|---|---|---|---|---|", file=out)
    print(f"| held-out loss | {loss['base']} | {loss['styled']} | | {loss['difference_ci95']} | "
          f"lower in {loss['lower_in_batches']} of {loss['batches']} batches | |", file=out)
    for row in rows[1:]:
        songs = row.get("original", row.get("original_floor"))
        gap = " (gap to the songs)" if "original" in row else ""
        power = f"{row['originals_minus_base_ci95']} {'resolves' if row['resolvable'] else 'cannot resolve'}"
        print(f"| {row['statistic']} | {row['base']} | {row['styled']} | {songs} | {row['difference_ci95']}{gap} | "
              f"{row['verdict']} | {power} |", file=out)
