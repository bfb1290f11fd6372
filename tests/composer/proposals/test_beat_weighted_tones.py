"""Over chord symbols a melody leans on chord tones on its strong beats and passes freely between them
(rules.MELODY_BEAT_TONE_BONUS; measured in docs/PROPOSALS.md). A real POP909 song (2/4) given a chord symbol
a bar; the grammar walked as the decoder walks it, no model needed to read the biases it hands the sampler."""
from __future__ import annotations

from cell_rule_helpers import first_pass_rules, writer_past_forced

from composer.proposals import Region, Task
from composer.proposals.grammar_notes import NoteState
from composer.proposals.grammar_rules import STRONG_BEAT_STEPS
from composer.proposals.rules import CHORD_TONE_BONUS, MELODY_BEAT_TONE_BONUS
from composer.tokens.vocab import VOCAB
from engine.chords import Chord, ChordEvent

POS, PITCH, VEL = VOCAB.groups["POS"], VOCAB.groups["PITCH"], VOCAB.groups["VEL"]


def _pitch_bias_at(writer, pos: int):
    """Walk the writer's cell to an onset at `pos` (first allowed control bins, one note before) and return
    the pitch bias there."""
    while writer.state is not NoteState.EVENT:
        choice = writer.next_choice()
        writer.feed(choice.forced if choice.forced is not None else int(choice.mask.nonzero()[0][-1]))
    writer.feed(POS.start + pos)
    choice = writer.next_choice()
    if not choice.mask[PITCH.start:PITCH.stop].any():   # the cell's first note says its velocity first
        writer.feed(int(choice.mask[VEL.start:VEL.stop].nonzero()[0][0]) + VEL.start)
        choice = writer.next_choice()
    return choice.bias[PITCH.start:PITCH.stop]


def _with_chords(song):
    """A C major chord symbol at the start of every bar (the file's own chords are not in the MIDI)."""
    return song.with_(chords=tuple(ChordEvent(song.meter_map.bar_start(b), Chord(0, "maj")) for b in range(40)))


def test_a_melody_over_chord_symbols_weighs_chord_tones_by_beat(pop_song):
    pop_song = _with_chords(pop_song)
    melody = pop_song.tracks[0].id
    (rule,) = first_pass_rules(pop_song, Region(20, 20, (melody,)), Task.MELODY)
    assert (rule.chord_tone_bonus, rule.weak_beat_tone_bonus) == MELODY_BEAT_TONE_BONUS
    rule.echo, rule.echo_onsets, rule.echo_pitches = None, 0.0, 0.0   # the chord-tone bias alone
    tones = {m.chord.pitch_classes for m in rule.chord_marks}
    (tones,) = tones
    chord_tone, other = next(p for p in range(60, 72) if p % 12 in tones), \
        next(p for p in range(60, 72) if p % 12 not in tones)
    writer = writer_past_forced([rule])
    strong = _pitch_bias_at(writer, 0)
    assert strong[chord_tone] - strong[other] == MELODY_BEAT_TONE_BONUS[0]
    writer.feed(PITCH.start + other)
    while writer.state is not NoteState.EVENT:
        choice = writer.next_choice()
        writer.feed(choice.forced if choice.forced is not None else int(choice.mask.nonzero()[0][0]))
    weak = _pitch_bias_at(writer, STRONG_BEAT_STEPS // 2)
    assert weak[chord_tone] - weak[other] == MELODY_BEAT_TONE_BONUS[1] < MELODY_BEAT_TONE_BONUS[0]


def test_bass_keeps_one_weight_on_every_onset(pop_song):
    pop_song = _with_chords(pop_song)
    bass = pop_song.tracks[1].id
    rules = first_pass_rules(pop_song, Region(20, 21, (bass,)), Task.BASS)
    assert rules and all(r.weak_beat_tone_bonus is None and r.chord_tone_bonus == CHORD_TONE_BONUS["bass"]
                         for r in rules)
