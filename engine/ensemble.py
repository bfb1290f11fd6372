"""Roles for ensemble parts from what they play: which part carries the tune, which is the bass.

Orchestral, quartet and band files name no roles, and MuseScore's MIDI export
drops even the part names, so a role must come from the notes. One module for
both the MIDI import (`assign_ensemble_roles`) and the training corpus
(composer.data.ensemble, `corpus_roles`), so "melody" means the same in both.

The tune, bar by bar (`tune_by_bar`): in every bar, each pitched part that
plays gets a score for how much it sounds like the tune (`TuneWeights`):
higher is better (the ear follows the top), and so is moving (several
different pitches: a repeated-note or held accompaniment is not a tune), and
a line (one note at a time: divisi chords and double stops accompany). The
tune then passes from part to part through the movement; a change costs
`switch` (a Viterbi path over the bars), so it changes where another part
clearly takes over, not at every bar where the flute rises above the
violins. Timpani and other pitched percussion never carry it.

A track has one role for the whole song (engine.track.Track), so the import
makes the line that carries the tune in the most bars the melody (a part
playing one note at a time: a sung line over a piano's higher right hand is
the tune), and keeps
`tune_by_bar` for whoever wants to follow the tune by passage (the
benchmark; a proposal that asks for a melody in a passage). The part with the
lowest mean pitch is the bass, the rest accompaniment; drums only on MIDI
channel 10 or a drum-kit bank (engine.instruments.is_drum_kit), whatever a
part is called. benchmarks/bench_ensemble_roles.py measures the per-bar choice
against OpenScore Orchestra's main-theme annotations.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from engine.instruments import is_drum_kit, is_instrument_name
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

LINE_FLOOR_PITCH = 55     # G3: a part whose mean lies below it is in the bass register (the corpus melody rule)
MONOPHONIC_SHARE = 0.8    # share of single onsets that makes a part a line
SOUNDING_SHARE = 0.5      # share of 4-quarter spans a whole-piece melody must sound in
SOLO_WORDS = ("solo", "voice", "vocal", "sopran", "melod", "lead")   # a part named as the tune's


@dataclass(frozen=True)
class TuneWeights:
    """How a part's bar is scored as the tune: per octave of mean top pitch, per log of distinct pitches,
    per share of chordal onsets (taken off), and what a change of part costs (module docstring)."""

    pitch: float = 1.0
    variety: float = 2.0
    chordal: float = 0.5
    switch: float = 1.5


# Chosen on the training movements of OpenScore Orchestra (benchmarks/bench_ensemble_roles.py --split train,
# a grid over variety 0-3, chordal 0-2, switch 0.5-6, and an onset-count term that did not help): variety
# 1 -> 2 took exact matches from 0.533 to 0.552, switch 1.5 a little more; a learned prior per GM program
# (violin 1 carries the tune 47% of the bars it plays, horn 2 1%) gained 0.017 on training movements and
# lost 0.005 on the held-out ones, so the rule knows no instrument. docs/MODEL.md has the table.
TUNE_WEIGHTS = TuneWeights()


def is_pitched_percussion(program: int) -> bool:
    """Timpani (47), chromatic percussion (8-15) and percussive programs (112-119): no line to follow."""
    return program == 47 or 8 <= program < 16 or 112 <= program < 120


def onset_groups(notes: Sequence[Note], step: int) -> list[list[Note]]:
    """Notes grouped by onset (`step` ticks wide), in time order."""
    groups: list[list[Note]] = []
    last = None
    for note in notes:
        slot = note.start // step
        if slot != last:
            groups.append([])
            last = slot
        groups[-1].append(note)
    return groups


def bar_score(notes: Sequence[Note], step: int, weights: TuneWeights = TUNE_WEIGHTS) -> float | None:
    """How much a part's notes in one bar sound like the tune; None when it plays nothing there."""
    if not notes:
        return None
    groups = onset_groups(notes, step)
    tops = [max(n.pitch for n in g) for g in groups]
    chordal = sum(len(g) > 1 for g in groups) / len(groups)
    return (weights.pitch * (sum(tops) / len(tops) - 60) / 12 + weights.variety * math.log(len(set(tops)))
            - weights.chordal * chordal)


def _melodic_tracks(song: Song) -> list[Track]:
    return [t for t in song.tracks if t.notes and not is_drum_kit(t) and not is_pitched_percussion(t.program)]


def tune_by_bar(song: Song, weights: TuneWeights = TUNE_WEIGHTS,
                among: Sequence[Track] | None = None) -> list[int | None]:
    """The id of the track that carries the tune in each bar (None where no pitched part plays); `among`:
    only these tracks may carry it (default: every pitched part)."""
    tracks = _melodic_tracks(song) if among is None else list(among)
    bars = song.bar_count()
    if not tracks or not bars:
        return [None] * bars
    meters = song.meter_map
    starts = [meters.bar_start(b) for b in range(bars + 1)]
    step = onset_step(song)
    scores = [[bar_score(t.notes_between(starts[b], starts[b + 1]), step, weights) for t in tracks]
              for b in range(bars)]
    return _best_path(scores, weights.switch, [t.id for t in tracks])


def _best_path(scores: list[list[float | None]], switch: float, ids: list[int]) -> list[int | None]:
    """Viterbi over bars: the sum of bar scores less `switch` per change, through parts that play.
    A bar where nobody plays keeps the path's part (it resumes after a general rest) and yields None."""
    count = len(ids)
    total = [0.0] * count
    back: list[list[int]] = []
    for row in scores:
        best = max(range(count), key=lambda i: total[i])
        pointers, updated = [], []
        for i, score in enumerate(row):
            stay, move = total[i], total[best] - switch
            previous = i if stay >= move else best
            pointers.append(previous)
            updated.append(max(stay, move) + (score if score is not None else -1e6 if any(
                s is not None for s in row) else 0.0))
        back.append(pointers)
        total = updated
    state = max(range(count), key=lambda i: total[i])
    path = []
    for pointers in reversed(back):
        path.append(state)
        state = pointers[state]
    path.reverse()
    return [ids[s] if row[s] is not None else None for s, row in zip(path, scores)]


def onset_step(song: Song) -> int:
    """The onset grid in ticks that groups a song's notes into onsets (a 48th note: the token grid's step)."""
    return max(1, song.ticks_per_quarter // 12)


def is_line(track: Track, step: int) -> bool:
    """Whether a part plays a line: one note at a time (MONOPHONIC_SHARE of its onsets), at or above
    LINE_FLOOR_PITCH on average (below it, a part is in the bass register)."""
    return mean_pitch(track) >= LINE_FLOOR_PITCH and monophonic_share(track.notes, step) >= MONOPHONIC_SHARE


def monophonic_share(notes: Sequence[Note], step: int) -> float:
    """The share of onsets struck alone with nothing earlier still sounding (a legato overlap of one step
    is still a line)."""
    single = total = 0
    held_until = -1
    for group in onset_groups(notes, step):
        total += 1
        single += len(group) == 1 and held_until <= group[0].start + step
        held_until = max([held_until] + [n.end for n in group])
    return single / total if total else 0.0


def mean_pitch(track: Track) -> float:
    return sum(n.pitch for n in track.notes) / len(track.notes)


def corpus_roles(tracks: Sequence[Track], step: int, span: int) -> list[TrackRole]:
    """The training corpus's rule for a whole piece (docs/DATA.md, "Ensemble role rule"): drums on channel
    10; melody: a part named as a solo or voice part, else the highest (by mean pitch) of the parts that are
    lines (MONOPHONIC_SHARE of single onsets), sound in SOUNDING_SHARE of the `span`-tick spans and lie at or
    above LINE_FLOOR_PITCH, else the highest part; bass: the lowest other part that is no pitched percussion;
    the rest accompaniment. `step`: the onset grid in ticks."""
    roles = [TrackRole.DRUMS if is_drum_kit(t) else TrackRole.ACCOMPANIMENT for t in tracks]
    pitched = [i for i, t in enumerate(tracks) if not is_drum_kit(t) and t.notes]
    if not pitched:
        return roles
    melody = melody_index(tracks, pitched, step, span)
    roles[melody] = TrackRole.MELODY
    candidates = [i for i in pitched if i != melody and not is_pitched_percussion(tracks[i].program)]
    if candidates:
        roles[min(candidates, key=lambda i: mean_pitch(tracks[i]))] = TrackRole.BASS
    return roles


def melody_index(tracks: Sequence[Track], pitched: list[int], step: int, span: int) -> int:
    """The whole-piece melody among `pitched` by the corpus rule (corpus_roles)."""
    named = [i for i in pitched if names_the_tune(tracks[i].name)]
    if named:
        return named[0]
    end = max(n.end for t in tracks for n in t.notes)
    spans = max(1, -(-end // span))

    def sounding(track: Track) -> float:
        return len({n.start // span for n in track.notes}) / spans

    lines = [i for i in pitched if not is_pitched_percussion(tracks[i].program)
             and is_line(tracks[i], step) and sounding(tracks[i]) >= SOUNDING_SHARE]
    return max(lines or pitched, key=lambda i: mean_pitch(tracks[i]))


def names_the_tune(name: str) -> bool:
    """A part named as a solo or voice part (SOLO_WORDS); a name that only restates the instrument
    (engine.instruments.is_instrument_name: "Soprano Sax", "Voice Oohs") does not count."""
    return not is_instrument_name(name) and any(word in name.lower() for word in SOLO_WORDS)


def assign_ensemble_roles(song: Song, weights: TuneWeights = TUNE_WEIGHTS) -> Song:
    """The song with every track's role from what it plays, names aside (module docstring): drums for a kit,
    melody for the part that carries the tune in the most bars among the parts that are lines (one note at
    a time, MONOPHONIC_SHARE, above LINE_FLOOR_PITCH; among all pitched parts when none is), bass for the
    lowest other part (by mean pitch), accompaniment for the rest. A song with fewer than two pitched parts
    comes back as it is.

    Why lines: a track has one role, and a voice or a solo over a piano is the tune even where the right
    hand lies higher and carries the per-bar score (OpenScore Lieder, every tenth file: the voice called
    melody in 56 of 137 files by the most bars alone, 118 of 137 among lines; the orchestral movements'
    import row 0.407 -> 0.401 on training, 0.462 held out either way; quartets 45 -> 44 of 45, one first
    violin at 0.79 of single onsets; benchmarks/bench_ensemble_roles.py, docs/MODEL.md)."""
    melodic = _melodic_tracks(song)
    if len(melodic) < 2:
        return song
    roles = {t.id: TrackRole.DRUMS if is_drum_kit(t) else TrackRole.ACCOMPANIMENT for t in song.tracks}
    step = onset_step(song)
    lines = [t for t in melodic if is_line(t, step)]
    carried = [i for i in tune_by_bar(song, weights, lines or None) if i is not None]
    melody = max(set(carried), key=lambda i: (carried.count(i), -i)) if carried else None
    if melody is not None:
        roles[melody] = TrackRole.MELODY
    others = [t for t in melodic if t.id != melody]
    roles[min(others, key=mean_pitch).id] = TrackRole.BASS
    return song.with_(tracks=tuple(t.with_(role=roles[t.id]) for t in song.tracks))
