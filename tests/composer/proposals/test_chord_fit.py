"""Suggested chords fit the notes under them: the chord-following control biases chord choices towards chords
whose tones the other tracks play (composer/proposals/grammar_chords.py `ChordWriter._chord_fit`, rules.harmony_profile).

The tiny test model knows almost nothing about harmony, so what these tests see is the bias at work: with
chord following off its chords ignore the tune, with it on they hold the tune's notes.
"""
from __future__ import annotations

from composer.proposals import Controls, Region, Task, propose
from engine.notes import Note
from engine.song import Song
from engine.track import Track, TrackRole

TPQ = 480
BAR = 4 * TPQ
# One arpeggio a bar, each the tones of one triad: C major, A minor, F major, G major.
ARPEGGIOS = [(60, 64, 67), (57, 60, 64), (53, 57, 60), (55, 59, 62)]


def arpeggio_song() -> Song:
    notes = tuple(Note(start=bar * BAR + i * TPQ, pitch=pitch, duration=TPQ, velocity=90)
                  for bar, triad in enumerate(ARPEGGIOS) for i, pitch in enumerate(triad + triad[:1]))
    tune = Track(id=1, name="Tune", role=TrackRole.MELODY, program=0, channel=0, notes=notes)
    return Song(tracks=(tune,), ticks_per_quarter=TPQ, title="Arpeggios")


def chords_holding_the_tune(song: Song, model, following: str, seeds: range) -> tuple[int, int]:
    """(bars whose opening chord holds all three notes of the bar's arpeggio, bars proposed)."""
    held = total = 0
    for seed in seeds:
        (candidate,) = propose(song, Region(0, 3), Task.CHORDS, Controls(seed=seed, chord_following=following),
                               model)
        for bar, triad in enumerate(ARPEGGIOS):
            opening = next(e.chord for e in candidate.chords if e.tick == bar * BAR)
            total += 1
            held += opening is not None and {p % 12 for p in triad} <= opening.pitch_classes
    return held, total


def test_following_the_tune_picks_chords_that_hold_its_notes(tiny_model):
    song = arpeggio_song()
    held, total = chords_holding_the_tune(song, tiny_model, "strict", range(4))
    assert held >= 0.75 * total


def test_the_fit_comes_from_the_control_not_the_model(tiny_model):
    song = arpeggio_song()
    following, total = chords_holding_the_tune(song, tiny_model, "soft", range(4))
    ignoring, _ = chords_holding_the_tune(song, tiny_model, "off", range(4))
    assert following > ignoring + total // 4
