"""A melody's chord-tone bonus rewards arriving on a chord tone, not staying on the pitch just played
(rules.MELODY_REPEAT_TONE_SHARE; measured in docs/PROPOSALS.md: with the bonus on a repeat, proposed tunes
repeated their last note far more often than the songs do and piled onto one pitch). A real POP909 song given a
C major chord symbol a bar, and a real Beethoven symphony for an orchestral part; the grammar walked as the
decoder walks it, no model needed to read the biases it hands the sampler."""
from __future__ import annotations

import pytest

from cell_rule_helpers import first_pass_rules, writer_past_forced

from composer.proposals import Region, Task
from composer.proposals.grammar_notes import NoteState
from composer.proposals.rules import ENSEMBLE_REPEAT_TONE_SHARE, MELODY_BEAT_TONE_BONUS, MELODY_REPEAT_TONE_SHARE
from composer.tokens.vocab import VOCAB
from engine.chords import Chord, ChordEvent
from engine.midi import read_midi

POS, PITCH, VEL, FILL_END = VOCAB.groups["POS"], VOCAB.groups["PITCH"], VOCAB.groups["VEL"], VOCAB.id("FILL_END")
C, E, D = 60, 64, 62          # chord tones of C major (C4, E4) and a tone outside it


def _to_onset(writer, pos: int, busy: bool = False):
    """From the cell's controls (the fewest notes allowed above none; `busy`: the most) or an event, to an onset
    at `pos`; the pitch bias there."""
    while writer.state is not NoteState.EVENT:
        choice = writer.next_choice()
        allowed = choice.mask.nonzero()[0]
        writer.feed(choice.forced if choice.forced is not None else int(allowed[-1 if busy else min(1, len(allowed) - 1)]))
    writer.feed(POS.start + pos)
    choice = writer.next_choice()
    if not choice.mask[PITCH.start:PITCH.stop].any():   # a new velocity first
        writer.feed(int(choice.mask[VEL.start:VEL.stop].nonzero()[0][0]) + VEL.start)
        choice = writer.next_choice()
    return choice.bias[PITCH.start:PITCH.stop]


def _play(writer, pitch: int) -> None:
    """Write `pitch` at the onset reached, with the first duration allowed."""
    writer.feed(PITCH.start + pitch)
    choice = writer.next_choice()
    writer.feed(choice.forced if choice.forced is not None else int(choice.mask.nonzero()[0][0]))


def _melody_rules(pop_song, bars: range):
    song = pop_song.with_(chords=tuple(ChordEvent(pop_song.meter_map.bar_start(b), Chord(0, "maj"))
                                       for b in range(40)))
    rules = first_pass_rules(song, Region(bars.start, bars.stop - 1, (song.tracks[0].id,)), Task.MELODY)
    for rule in rules:
        rule.echo, rule.echo_onsets, rule.echo_pitches = None, 0.0, 0.0   # the chord-tone bias alone
    return rules


def test_the_pitch_just_played_keeps_only_its_share_of_the_chord_tone_bonus(pop_song):
    (rule,) = _melody_rules(pop_song, range(20, 21))
    assert rule.repeat_tone_share == MELODY_REPEAT_TONE_SHARE < 1
    writer = writer_past_forced([rule])
    first = _to_onset(writer, 0, busy=True)
    assert first[C] - first[D] == first[E] - first[D] == MELODY_BEAT_TONE_BONUS[0]   # nothing played yet
    _play(writer, C)
    writer.feed(POS.start + 6)
    choice = writer.next_choice()
    bias = choice.bias[PITCH.start:PITCH.stop]
    weak = MELODY_BEAT_TONE_BONUS[1]
    assert bias[E] - bias[D] == pytest.approx(weak)                              # another chord tone: the bonus
    assert bias[C] - bias[D] == pytest.approx(weak * MELODY_REPEAT_TONE_SHARE)   # the same pitch: its share
    assert bias[C + 12] - bias[D] == pytest.approx(weak)                         # the octave is a new pitch


def test_the_first_note_of_a_bar_knows_the_last_note_of_the_bar_before(pop_song):
    rules = _melody_rules(pop_song, range(20, 22))
    writer = writer_past_forced(rules)
    _to_onset(writer, 0)
    _play(writer, E)
    while True:    # close the first bar (more notes on E where its density asks for them)
        choice = writer.next_choice()
        if choice.forced is not None:
            writer.feed(choice.forced)
        elif writer.state is NoteState.EVENT and choice.mask[FILL_END]:
            writer.feed(FILL_END)
            break
        elif writer.state is NoteState.EVENT:
            writer.feed(int(choice.mask[POS.start:POS.stop].nonzero()[0][0]) + POS.start)
        elif choice.mask[PITCH.start + E]:
            _play(writer, E)
        else:
            writer.feed(int(choice.mask.nonzero()[0][0]))
    while writer.forced:
        writer.feed(writer.next_choice().forced)
    bias = _to_onset(writer, 0)
    assert bias[E] - bias[D] == pytest.approx(MELODY_BEAT_TONE_BONUS[0] * MELODY_REPEAT_TONE_SHARE)
    assert bias[C] - bias[D] == pytest.approx(MELODY_BEAT_TONE_BONUS[0])


def test_an_orchestral_tune_keeps_the_ensemble_share(datasets):
    """Over the held-out ensemble passages the tunes came out less consonant with the others without the bonus
    on a repeated note (docs/MODEL.md), so an orchestral part among orchestral parts keeps its own share."""
    symphony = read_midi(datasets / "openscore-orchestra" / "midi" / "Beethoven,_Ludwig_van" / "Symphony_No.1,_Op.21"
                         / "1" / "Beethoven_Op.21_1.mid")
    rules = first_pass_rules(symphony, Region(20, 23, (1,)), Task.MELODY)
    assert rules and {rule.repeat_tone_share for rule in rules} == {ENSEMBLE_REPEAT_TONE_SHARE}
    assert ENSEMBLE_REPEAT_TONE_SHARE != MELODY_REPEAT_TONE_SHARE
