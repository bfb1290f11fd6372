"""Notes follow the harmony: the chord lane when the song has one, else the chords the other parts play
(a MIDI file brings notes, not chord symbols: rules.estimated_chords); a song without a key signature is
read in the key its notes suggest."""
from __future__ import annotations

import numpy as np

from composer.proposals import Controls, Region, Task, propose
from composer.proposals.rules import estimated_chords, harmony_profile
from composer.tokens.grid import song_grid
from engine.chords import Chord
from engine.keys import Key, KeySignature
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

TPQ = 480
BAR = 4 * TPQ
TRIADS = [(60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62)]   # C, Am, F, G: one a bar, held


def song_without_chord_symbols(halves: bool = False) -> Song:
    """Piano holding one triad a bar (or, with `halves`, a bar's triad then the next one's on beat 3);
    a melody track with notes only after bar 4."""
    piano = []
    for bar, triad in enumerate(TRIADS):
        if halves:
            second = TRIADS[(bar + 1) % len(TRIADS)]
            piano += [Note(start=bar * BAR, pitch=p, duration=BAR // 2, velocity=70) for p in triad]
            piano += [Note(start=bar * BAR + BAR // 2, pitch=p, duration=BAR // 2, velocity=70) for p in second]
        else:
            piano += [Note(start=bar * BAR, pitch=p, duration=BAR, velocity=70) for p in triad]
    tune = [Note(start=4 * BAR + i * TPQ, pitch=72 - 2 * (i % 3), duration=TPQ, velocity=90) for i in range(8)]
    tracks = (Track(id=1, name="Tune", role=TrackRole.MELODY, program=0, channel=0, notes=tuple(tune)),
              Track(id=2, name="Piano", role=TrackRole.ACCOMPANIMENT, program=0, channel=1, notes=tuple(piano)))
    return Song(tracks=tracks, ticks_per_quarter=TPQ, title="No chord symbols")


def test_estimated_chords_name_what_the_parts_play():
    grid = song_grid(song_without_chord_symbols(halves=True))
    marks = [estimated_chords(harmony_profile(grid, bar), 12) for bar in range(4)]
    names = [[(m.pos, m.chord) for m in bar] for bar in marks]
    assert names[0] == [(0, Chord(0, "maj")), (24, Chord(9, "min"))]
    assert names[2] == [(0, Chord(5, "maj")), (24, Chord(7, "maj"))]
    assert estimated_chords(np.zeros((48, 12), dtype=np.float32), 12) == ()   # nothing sounds: no guess


def test_without_a_chord_lane_notes_on_the_beat_are_tones_of_what_the_piano_plays(tiny_model):
    song = song_without_chord_symbols()
    for seed in range(3):
        (candidate,) = propose(song, Region(0, 3, (1,)), Task.MELODY,
                               Controls(seed=seed, chord_following="strict"), tiny_model)
        on_beats = [n for n in candidate.notes[1] if n.start % TPQ == 0]
        assert on_beats
        for note in on_beats:
            assert note.pitch % 12 in {p % 12 for p in TRIADS[note.start // BAR]}, (seed, note)


def test_a_song_without_a_key_signature_is_read_in_the_key_its_notes_suggest():
    from composer.proposals.context import working_grid
    song = song_without_chord_symbols()   # C, Am, F, G and a tune on C, Bb, A: no key signature
    assert not song.keys
    grid = working_grid(song, [1, 2], False, None)
    assert set(grid.keys) == {(0, "major")}
    stated = working_grid(song.with_(keys=(KeySignature(0, Key(2, "minor")),)), [1, 2], False, None)
    assert set(stated.keys) == {(2, "minor")}   # a key signature in the file wins
