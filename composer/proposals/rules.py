"""From the task and the controls to one `CellRule` per masked cell: the per-cell constraints the grammar applies.

Policies by role, and why:
- melody and bass are single lines (monophonic): POP909's melodies are, and
  its bass split rule makes single lines by construction.
- drums play General MIDI drum sounds only (35..81), never under a key.
- density low/mid/high picks the note-count bins of the DENS control per
  role (ranges read off the corpus statistics in docs/DATA.md: a POP909
  melody bar has ~4 notes, a bass bar ~2, accompaniment ~11, drums ~19).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from composer.proposals.spec import Controls
from composer.tokens.grid import ChordMark, Grid, Lane, NoteEvent, cell_controls, cell_shape
from composer.tokens.vocab import DENSITY_EDGES, STEPS_PER_QUARTER, VOCAB
from engine.chords import QUALITIES, Chord
from engine.keys import Key

GM_DRUMS = range(35, 82)
KEY_PENALTY = 1.5               # logits taken from out-of-key pitches under a soft key
MONO_ROLES = ("melody", "bass")


@dataclass(frozen=True)
class Echo:
    """How a part leans towards an earlier bar of its own lane: music repeats itself at fixed distances.

    `lags`: bars back, in order of preference (the first whose bar exists, has this bar's
    length and, in the context, holds notes); `onsets`/`pitches`: logits towards that bar's
    onsets still ahead and towards its pitches at the current onset. `follows_context`: the
    weights scale with how often the lane repeats itself outside the region (echo_scale).
    """

    lags: tuple[int, ...]
    onsets: float
    pitches: float
    follows_context: bool = False


# A groove repeats its bar; a tune repeats its phrases, 8 or 4 bars back (training melodies repeat the
# rhythm of the bar 8 back 20-67% of the time, its notes 14-49%; 4 back 17-50% and 4-22%). The model alone
# almost never repeated a bar. Chosen on held-out regions (bench_proposal_quality --cases 8 --seed 1 for
# melody, --cases 30 for drums; docs/PROPOSALS.md has the numbers): the weights that brought repetition
# near the original's and the density and range errors down without costing chord tones (re-chosen for
# the step-4,900 weights, which repeat a groove more by themselves: drums +1.5/+4 went to +1/+2).
# Re-chosen for the composer-8m weights (bench_proposal_quality --cases 6 --seed 1, melody on six sources;
# docs/PROPOSALS.md): +3/+3 brought four of six sources' repeated bars within 0.05 of the originals'
# (+4/+4: one; +2/+2: three) and kept POP909's strong-beat chord tones above the truth's.
ECHO = {"drums": Echo((1,), 1.0, 2.0), "melody": Echo((8, 4), 3.0, 3.0, follows_context=True)}
# A tune repeats itself as much as the song around it does. Held-out melodies repeat a bar 8 or 4 back
# (onsets and pitches) at very different rates by style: Lieder 0.07, OpenEWLD 0.19, POP909 0.21,
# Nottingham 0.51 (benchmarks/bench_proposal_quality.py's sources, validation split), and one fixed
# lean made Lieder and lead-sheet melodies three to seven times as repetitive as the originals while
# leaving folk tunes short of theirs (docs/PROPOSALS.md). So the melody's lean is scaled by its lane's
# own rate outside the region, relative to POP909's, where +4/+4 matched the truth; with too little
# context to judge (a sketch from nothing) it stays at its full weight.
ECHO_REFERENCE_RATE = 0.21
ECHO_MAX_SCALE = 1.5
ECHO_MIN_JUDGED = 4  # context bars needed to judge a lane's repetition
# The scale when the lane has too little context to judge (a sketch from nothing). benchmarks/bench_sketch.py,
# 12 sketches with composer-8m (melody repeated bars / top-pitch share / pitch-class entropy; real songs
# 0.239 / 0.249 / 2.41): 1.0 gave 0.284 / 0.422 / 2.16 (8 sketches: the "melody on one pitch"), 0.7 gives
# 0.234 / 0.358 / 2.22, 0.6 0.156 / 0.344 / 2.30, no echo 0.047 / 0.274 / 2.47 (8 sketches).
ECHO_WITHOUT_CONTEXT = 0.7


def context_repetition(grid: Grid, lane: int, region: range, lags: tuple[int, ...]) -> float | None:
    """Share of the lane's filled bars outside `region` whose onsets and pitches are those of a filled bar
    `lag` back (any of `lags`, also outside the region); None with fewer than ECHO_MIN_JUDGED such bars."""
    judged = repeats = 0
    for bar, row in enumerate(grid.cells):
        if bar in region or not row[lane]:
            continue
        earlier = [bar - lag for lag in lags
                   if bar - lag >= 0 and bar - lag not in region and grid.cells[bar - lag][lane]]
        if earlier:
            judged += 1
            repeats += any(cell_shape(grid.cells[b][lane]) == cell_shape(row[lane]) for b in earlier)
    return repeats / judged if judged >= ECHO_MIN_JUDGED else None


def echo_scale(echo: Echo, grid: Grid, lane: int, region: range) -> float:
    """How much of the echo's weights to use in this song (1.0 for an echo that does not follow context)."""
    if not echo.follows_context:
        return 1.0
    rate = context_repetition(grid, lane, region, echo.lags)
    return ECHO_WITHOUT_CONTEXT if rate is None else min(ECHO_MAX_SCALE, rate / ECHO_REFERENCE_RATE)


# Chords are sampled cooler than notes: the proposal's temperature times this. Suggesting chords for a tune
# alone (OpenEWLD's lead sheets, 24 regions, seeds 1 / 2), the suggested root was the songwriter's on 0.355 /
# 0.341 of the beats at the full temperature (always the tonic: 0.300 / 0.367), 0.399 / 0.395 at 0.8, 0.379 /
# 0.397 at 0.6, 0.401 / 0.389 at 0.4; POP909 (its accompaniment spells the chords) 0.919 / 0.893 -> 0.916 /
# 0.905 at 0.8; the melody's strong beats stay on chord tones at least as often as under the songwriter's
# chords (docs/PROPOSALS.md). 0.8 is the mildest that gains: the takes keep the most variety. Only where
# the bar has notes to harmonise: a sketch's chords, written first from nothing, came out more alike bar to
# bar, and its tunes with them (bench_sketch --sketches 8: melody repeated bars 0.230 -> 0.361, real 0.239).
CHORD_TEMPERATURE_FACTOR = 0.8
# A cell's density bin (how many notes the bar gets) is sampled colder when the density is left to the proposal,
# the part is asked for by name and it plays around the region (plan._auto_density): the auto density's pull
# towards those bars (DENSITY_PRIOR) then decides more often, and a bar's count strays less. Not in a sketch from
# nothing (no bars to follow): there the colder count made tunes repeat their notes (bench_sketch --sketches 8:
# repeated notes 0.134 -> 0.313, real 0.184). Notes-a-bar error against the originals (bench_proposal_quality
# --cases 24 --tasks melody, factor 1 / 0.25, random in key last; docs/PROPOSALS.md), seed 6: Nottingham
# 0.911 / 0.859 (0.875), OpenEWLD 1.229 / 1.031 (0.995), Lieder 1.604 / 1.516 (1.474), POP909 2.448 / 2.333
# (2.531), Mutopia 1.297 / 1.083 (1.552); seed 5 alike but POP909 level (2.224 / 2.239).
DENSITY_TEMPERATURE_FACTOR = 0.25
# Logits for chord tones under soft chord following, by role: a melody passes through other notes freely;
# bass and accompaniment notes are chord tones almost always (POP909: 98-100% on strong beats).
CHORD_TONE_BONUS = {"melody": 1.0, "bass": 2.0, "accompaniment": 2.0}
# A melody over harmony the other parts play (no chord symbols: an ensemble's score imported from MIDI,
# the chords estimated from its notes, estimated_chords) leans on chord tones as bass and accompaniment do:
# the harmony is real notes sounding against the line, not a chord symbol to embellish. Over the held-out
# orchestral and quartet passages (bench_ensemble_proposals, docs/MODEL.md) 1.0 left the line on a pitch
# class the others sound at 0.649-0.728 of the beats (the composer 0.724); 2.0 brings every seed over
# 0.674. Songs with chord symbols (POP909's melodies) keep CHORD_TONE_BONUS, and so does a tune that is not
# an orchestral part among orchestral parts (plan.in_orchestral_ensemble): a pop song's piano tune or a
# Lieder voice over its piano came out flatter with 2.0 (docs/MODEL.md).
ENSEMBLE_CHORD_TONE_BONUS = {"melody": 2.0}
# Over chord symbols a melody's chord tones weigh by where they fall: MELODY_BEAT_TONE_BONUS[0] logits on a
# strong beat (a half-note boundary: where the chord is heard), [1] between, where passing and neighbour notes
# are the tune's own. 1.0 everywhere left held-out melodies' strong beats under the originals' chord-tone rate
# (bench_proposal_quality --cases 12 --tasks melody, seeds 1 and 2: POP909 0.835 / 0.791, truth 0.803 / 0.847;
# OpenEWLD 0.797 / 0.757, truth 0.819 / 0.823; Nottingham 0.759 / 0.842, truth 0.821 / 0.873); (2, 0.5) gives
# 0.912 / 0.897, 0.841 / 0.854, 0.815 / 0.861 with no flatter tunes (docs/PROPOSALS.md); (2, 1) as many
# chord tones but a larger top-pitch share on OpenEWLD and Nottingham.
MELODY_BEAT_TONE_BONUS: tuple[float, float] | None = (2.0, 0.5)   # grammar_rules.STRONG_BEAT_STEPS
# The share of the chord-tone bonus a melody's note keeps when it repeats the pitch just played. The bonus is
# for arriving on a chord tone; given to the note just played as well, it turned stepwise motion into repeated
# notes: proposed tunes repeated their last note at 0.18-0.26 of their notes where the songs do 0.10-0.23
# and the model alone 0.09-0.19, and piled onto one pitch (bench_proposal_quality --cases 24 --seed 3
# --tasks melody, five song sources: top-pitch share nearer the truth on all five with 0, entropy on all five,
# strong-beat chord tones still at or over the truth's; bench_sketch --sketches 8: top-pitch share 0.369 ->
# 0.300, real songs 0.249; docs/PROPOSALS.md). An orchestral part among orchestral parts keeps the whole
# bonus: there the harmony is the other parts' notes, and without it the held-out ensemble tunes lost
# consonance on the beat (bench_ensemble_proposals seeds 1-3: 0.746 -> 0.700 mean, seed 2 under the target).
MELODY_REPEAT_TONE_SHARE = 0.0
ENSEMBLE_REPEAT_TONE_SHARE = 1.0
# Notes per bar for low / mid / high density, by role (the DENS bins whose lower edge falls inside).
DENSITY_COUNTS = {
    "melody": ((2, 4), (5, 8), (9, 20)),
    "bass": ((1, 2), (3, 4), (5, 12)),
    "accompaniment": ((3, 8), (9, 15), (16, 40)),
    "chords": ((2, 5), (7, 12), (16, 40)),
    "drums": ((5, 11), (12, 20), (21, 60)),
    "other": ((2, 4), (5, 8), (9, 20)),
}


def density_bins(role: str, density: str | None) -> np.ndarray | None:
    if density is None:
        return None
    low, high = DENSITY_COUNTS.get(role, DENSITY_COUNTS["other"])[("low", "mid", "high").index(density)]
    return np.array([low <= edge <= high for edge in DENSITY_EDGES])


DENSITY_PRIOR = 3.5   # logits for the DENS bin every neighbouring bar of the lane has (auto density)
EMPTY_BAR_PENALTY = 3.0  # logits off the empty DENS bin when the task names the part to write
NEIGHBOUR_BARS = 4    # bars on each side of the region that the auto density looks at


def density_prior(grid: Grid, lane: int, bars: range) -> np.ndarray | None:
    """Auto density: a bias over the DENS bins towards how busy the lane is in the bars around the region
    (its bins, and half as much for the bins next to them), so a regenerated passage fits both sides of it.
    None when those bars are all empty (nothing to match: the model chooses)."""
    around = [*range(max(0, bars.start - NEIGHBOUR_BARS), bars.start),
              *range(bars.stop, min(grid.bar_count, bars.stop + NEIGHBOUR_BARS))]
    counts = [cell_controls(grid.cells[b][lane])[0] for b in around]
    if not any(counts):
        return None
    hist = np.bincount(counts, minlength=len(DENSITY_EDGES)).astype(np.float32)
    spread = hist + 0.5 * (np.concatenate(([0], hist[:-1])) + np.concatenate((hist[1:], [0])))
    return DENSITY_PRIOR * spread / len(counts)


# A tune in an ensemble rarely starts more notes in a bar than the other parts together do. Over the
# held-out orchestral and quartet passages (bench_ensemble_proposals; a script over the passages, no model),
# each bar's count from the part's neighbouring bars, held to the other parts' distinct onsets in that bar
# where they start at least PACE_MIN, predicts the composer's notes within 23% (the neighbouring bars alone:
# 36%; a PACE_MIN of 3 or 4: 33-34%). So there the DENS bins above that onset count lose PACE_PENALTY
# logits; where the others hold or rest (fewer than PACE_MIN onsets) the tune leads alone and nothing is said.
PACE_PENALTY = 3.0
PACE_MIN = 2


def pace_bias(grid: Grid, bar: int, others: list[int]) -> np.ndarray | None:
    """Logits over the DENS bins of a single line in `bar`: off the bins above the number of distinct onsets
    the `others` lanes (pitched lanes not being written) start there; None when they start fewer than PACE_MIN."""
    onsets = {e.pos for lane in others for e in grid.cells[bar][lane]}
    if len(onsets) < PACE_MIN or not PACE_PENALTY:
        return None
    return np.where(np.array(DENSITY_EDGES) > len(onsets), -PACE_PENALTY, 0.0).astype(np.float32)


def pitch_rules(lane: Lane, controls: Controls, pitch_range: tuple[int, int]) -> tuple[np.ndarray, np.ndarray | None]:
    """(hard pitch set, soft bias) for a note lane whose pitches lie in `pitch_range` (composer.proposals.ranges)."""
    allowed = np.zeros(128, dtype=bool)
    if lane.drums:
        allowed[GM_DRUMS.start:GM_DRUMS.stop] = True
        return allowed, None
    low, high = pitch_range
    allowed[low:high + 1] = True
    if controls.key is None:
        return allowed, None
    in_key = np.array([controls.key.contains(p) for p in range(128)])
    if controls.key_strict:
        return allowed & in_key, None
    return allowed, np.where(in_key, 0.0, -KEY_PENALTY).astype(np.float32)


def chord_rules(key: Key | None) -> tuple[np.ndarray, np.ndarray]:
    """(roots, qualities per root) allowed: under a strict key, chords made of scale notes only."""
    qualities = tuple(QUALITIES)
    if key is None:
        return np.ones(12, dtype=bool), np.ones((12, len(qualities)), dtype=bool)
    scale = set(key.scale)
    ok = np.array([[Chord(root, q).pitch_classes <= scale for q in qualities] for root in range(12)])
    return ok.any(axis=1), ok


def beat_steps(meter: tuple[int, int]) -> int:
    numerator, denominator = meter
    step = 4 * STEPS_PER_QUARTER // denominator
    return step * 3 if denominator == 8 and numerator % 3 == 0 and numerator > 3 else step


def rhythm_template(events: tuple[NoteEvent, ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    onsets: dict[int, list[int]] = {}
    for event in sorted(events):
        onsets.setdefault(event.pos, []).append(event.duration)
    return tuple((pos, tuple(durations)) for pos, durations in sorted(onsets.items()))


def contour(events: tuple[NoteEvent, ...], bar_len: int) -> np.ndarray | None:
    """The old line's top pitch at every step of the bar (before its first note: the first note's)."""
    if not events:
        return None
    tops: dict[int, int] = {}
    for event in events:
        tops[event.pos] = max(tops.get(event.pos, 0), event.pitch)
    line = np.empty(bar_len, dtype=np.int64)
    current = tops[min(tops)]
    for step in range(bar_len):
        current = tops.get(step, current)
        line[step] = current
    return line


def lane_edges(grid: Grid, lane: int, bars: range) -> tuple[int, int | None]:
    """Mono lanes: (absolute step where notes before `bars` stop sounding, first onset after `bars`)."""
    busy = 0
    for b in range(max(0, bars.start - 4), bars.start):
        for event in grid.cells[b][lane]:
            busy = max(busy, grid.bar_steps[b] + event.pos + max(event.duration, 1))
    for b in range(bars.stop, grid.bar_count):
        if grid.cells[b][lane]:
            return busy, grid.bar_steps[b] + grid.cells[b][lane][0].pos
    return busy, None


# How much a sounding note of each role weighs when chords are fitted to the notes (the tune leads the ear).
HARMONY_WEIGHTS = {"melody": 2.0, "bass": 1.5}


def harmony_profile(grid: Grid, bar: int) -> np.ndarray:
    """(bar_len, 12): the weight of each pitch class sounding at each step of `bar` on the note lanes
    (drums left out; a note's onset step counts double: attacks shape what the ear hears as the harmony)."""
    bar_len = grid.bar_steps[bar + 1] - grid.bar_steps[bar]
    profile = np.zeros((bar_len, 12), dtype=np.float32)
    for lane, events in zip(grid.lanes, grid.cells[bar]):
        if lane.is_chords or lane.drums:
            continue
        weight = HARMONY_WEIGHTS.get(lane.role, 1.0)
        for event in events:
            profile[event.pos:min(bar_len, event.pos + max(event.duration, 1)), event.pitch % 12] += weight
            profile[event.pos, event.pitch % 12] += weight
    return profile


MISSING_TONE_COST = 0.6  # fit taken for a chord whose tones the notes never play (scaled by the chord's size)
EXTRA_TONE_COST = 0.1   # fit taken per chord tone beyond a triad: richer chords cover more by size alone
# _CHORD_PCS[root, quality]: the chord's pitch classes as a (12,) 0/1 row, for scoring chords against notes.
_CHORD_PCS = np.array([[[pc in Chord(root, q).pitch_classes for pc in range(12)] for q in QUALITIES]
                       for root in range(12)], dtype=np.float32)
_SIZES = _CHORD_PCS.sum(axis=2)
# The chords an estimate may name: the plain ones (a guess at a 13th from a few notes is noise).
_PLAIN = np.isin(np.array(list(QUALITIES)), ["maj", "min", "dim", "7", "maj7", "min7"])


def chord_fit_scores(weights: np.ndarray) -> np.ndarray | None:
    """(12 roots, qualities): how well each chord holds notes of these pitch-class weights: the share of the
    weight on chord tones, less MISSING_TONE_COST x the share of the chord's tones nobody plays (so C for a
    tune of E and B loses to E minor), less EXTRA_TONE_COST per tone beyond a triad. None without weight."""
    total = weights.sum()
    if total <= 0:
        return None
    missing = _CHORD_PCS @ (weights < 0.05 * total).astype(np.float32)
    return ((_CHORD_PCS @ weights) / total - MISSING_TONE_COST * missing / _SIZES
            - EXTRA_TONE_COST * np.maximum(_SIZES - 3, 0))


def estimated_chords(profile: np.ndarray, beat_steps: int) -> tuple[ChordMark, ...]:
    """The harmony the other parts play in a bar, as chord marks: the best-fitting plain chord for each
    half bar (each bar of three beats or fewer) that has notes. What chord following reads when the song
    has no chord lane (a MIDI file brings notes, not chord symbols)."""
    bar_len = len(profile)
    span = bar_len if bar_len <= 3 * beat_steps else 2 * beat_steps
    marks = []
    for start in range(0, bar_len, span):
        scores = chord_fit_scores(profile[start:start + span].sum(axis=0))
        if scores is None:
            continue
        root, quality = np.unravel_index(np.argmax(np.where(_PLAIN, scores, -np.inf)), scores.shape)
        marks.append(ChordMark(start, Chord(int(root), list(QUALITIES)[quality])))
    return tuple(marks)


def track_token(grid: Grid, lane: int) -> int:
    if grid.lanes[lane].is_chords:
        return VOCAB.id("TRK_CHORDS")
    number = sum(1 for l in grid.lanes[:lane] if not l.is_chords)
    return VOCAB.id(f"TRK_{number}")
