"""Faithful import and export: programs follow the channel as a sequencer plays them; overlaps play as written.

The multi-track file is built with mido (an independent writer) the way real
exports are laid out: 18 note tracks, every program and bank select on the
conductor track. The checks read our output with mido again and play it
through a tiny model of a synth's channel state, no FluidSynth needed.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import mido

from engine.midi import import_midi_bytes, midi_bytes, read_midi, write_midi
from engine.notes import Note
from engine.song import Song
from engine.track import ProgramChange, Track

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "cli"))
from cli_runner import run_cadenza  # noqa: E402

# channel -> program set on the conductor track (the audit's file: 6, 50, 52, 39, 65, 87, 91 among others)
PROGRAMS = {0: 6, 1: 50, 2: 52, 3: 39, 4: 65, 5: 87, 6: 91, 7: 24, 8: 73, 10: 40, 11: 42, 12: 56, 13: 60,
            14: 68, 15: 71}
CHANNELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1]  # 18 tracks: two channels shared


def conductor_file(path: Path) -> Path:
    """18 note tracks; programs, a bank select and a mid-song program change all on the conductor track."""
    midi = mido.MidiFile(type=1, ticks_per_beat=480)
    conductor = mido.MidiTrack([mido.MetaMessage("track_name", name="Song"), mido.MetaMessage("set_tempo", tempo=500000)])
    for channel, program in PROGRAMS.items():
        if channel == 8:
            conductor += [mido.Message("control_change", channel=8, control=0, value=1),
                          mido.Message("control_change", channel=8, control=32, value=2)]
        conductor.append(mido.Message("program_change", channel=channel, program=program))
    conductor.append(mido.Message("program_change", channel=2, program=48, time=1920))  # bar 2: strings
    midi.tracks.append(conductor)
    for number, channel in enumerate(CHANNELS):
        track = mido.MidiTrack([mido.MetaMessage("track_name", name=f"Part {number + 1}")])
        start = 240 * (number % 3)
        pitch = 40 + number * 2
        track += [mido.Message("note_on", channel=channel, note=pitch, velocity=90, time=start),
                  mido.Message("note_off", channel=channel, note=pitch, time=960),
                  mido.Message("note_on", channel=channel, note=pitch, velocity=90, time=1920),
                  mido.Message("note_off", channel=channel, note=pitch, time=480)]
        midi.tracks.append(track)
    midi.save(path)
    return path


def programs_at_first_notes(path: Path) -> dict[int, tuple[int, int]]:
    """channel -> (bank, program) in force at its first note-on, as a sequencer plays the merged tracks."""
    state: dict[int, list[int]] = {}
    first: dict[int, tuple[int, int]] = {}
    for message in mido.merge_tracks(mido.MidiFile(path).tracks):
        if message.type == "program_change":
            state.setdefault(message.channel, [0, 0, 0])[2] = message.program
        elif message.type == "control_change" and message.control in (0, 32):
            state.setdefault(message.channel, [0, 0, 0])[0 if message.control == 0 else 1] = message.value
        elif message.type == "note_on" and message.velocity and message.channel not in first:
            msb, lsb, program = state.get(message.channel, [0, 0, 0])
            first[message.channel] = (msb << 7 | lsb, program)
    return first


def test_programs_on_a_conductor_track_reach_every_track_of_their_channel(tmp_path):
    source = conductor_file(tmp_path / "band.mid")
    song = read_midi(source)
    assert len(song.tracks) == 18  # the conductor's programs live in the tracks now, not in 7 empty ones
    for track in song.tracks:
        assert track.program == PROGRAMS.get(track.channel, 0), track.name
    strings = [t for t in song.tracks if t.channel == 2]
    assert strings[0].program_changes == (ProgramChange(1920, 48),)  # falls among its notes: kept, in time
    (bank_track,) = [t for t in song.tracks if t.channel == 8]
    assert bank_track.bank == 1 << 7 | 2


def test_after_convert_each_channel_starts_on_its_program(tmp_path, capsys):
    source = conductor_file(tmp_path / "band.mid")
    expected = programs_at_first_notes(source)
    assert expected[0] == (0, 6) and expected[2] == (0, 52)  # the sequencer's reading of the file itself
    code, _, err = run_cadenza(capsys, "convert", source, tmp_path / "out.mid")
    assert code == 0, err
    assert programs_at_first_notes(tmp_path / "out.mid") == expected
    code, _, err = run_cadenza(capsys, "convert", source, tmp_path / "out.cadenza")
    assert code == 0, err
    code, _, err = run_cadenza(capsys, "convert", tmp_path / "out.cadenza", tmp_path / "again.mid")
    assert code == 0, err
    assert programs_at_first_notes(tmp_path / "again.mid") == expected


def test_a_tracks_own_program_at_the_same_tick_wins_over_the_conductors(tmp_path):
    midi = mido.MidiFile(type=1)
    midi.tracks.append(mido.MidiTrack([mido.Message("program_change", channel=0, program=6)]))
    midi.tracks.append(mido.MidiTrack([mido.Message("program_change", channel=0, program=30),
                                       mido.Message("note_on", note=60, velocity=80),
                                       mido.Message("note_off", note=60, time=480)]))
    midi.save(tmp_path / "own.mid")
    (track,) = read_midi(tmp_path / "own.mid").tracks
    assert track.program == 30  # the later track plays second at tick 0, as a sequencer sends it


def test_parts_sharing_a_channel_each_keep_the_program_they_set(tmp_path):
    """A notation program's export: more parts than channels, two parts on one channel, each naming its own
    instrument at tick 0 (MuseScore's Beethoven 1: Flute 2 and Violin 2 on channel 2). "Last program wins"
    would import the flute as a violin, with a violin's name, role and range."""
    midi = mido.MidiFile(type=1)
    for program, pitch in ((73, 84), (40, 67)):   # flute, violin
        midi.tracks.append(mido.MidiTrack([mido.Message("program_change", channel=1, program=program),
                                           mido.Message("note_on", channel=1, note=pitch, velocity=80),
                                           mido.Message("note_off", channel=1, note=pitch, time=480)]))
    midi.save(tmp_path / "shared.mid")
    tracks = read_midi(tmp_path / "shared.mid").tracks
    assert [(t.program, t.name) for t in tracks] == [(73, "Flute"), (40, "Violin")]


def test_cadenzas_own_files_keep_each_tracks_program_on_a_shared_channel(tmp_path):
    notes = (Note(start=0, pitch=60, duration=480, velocity=90),)
    song = Song(tracks=(Track(id=1, name="Flute", program=73, channel=0, notes=notes),
                        Track(id=2, name="Horn", program=60, channel=0, notes=notes)))
    write_midi(song, tmp_path / "shared.mid")
    assert [t.program for t in read_midi(tmp_path / "shared.mid").tracks] == [73, 60]


def sounding(data: bytes) -> list[tuple[int, int, int]]:
    """(start, end, pitch) of each struck note as a synth plays it: a note-off silences its key on its channel."""
    midi = mido.MidiFile(file=io.BytesIO(data))
    tick, held, heard = 0, {}, []
    for message in mido.merge_tracks(midi.tracks):
        tick += message.time
        if message.type == "note_on" and message.velocity:
            key = (message.channel, message.note)
            if key in held:  # re-struck: the sounding note stops here
                heard.append((held[key], tick, message.note))
            held[key] = tick
        elif message.type in ("note_on", "note_off"):
            start = held.pop((message.channel, message.note), None)
            if start is not None:
                heard.append((start, tick, message.note))
    return sorted(heard)


def test_overlapping_notes_of_one_pitch_play_as_written():
    # As in a generated accompaniment: a long C4 struck again before it ends, and a repeated G4.
    notes = (Note(start=0, pitch=60, duration=960, velocity=90), Note(start=480, pitch=60, duration=960, velocity=90),
             Note(start=0, pitch=67, duration=500, velocity=90), Note(start=480, pitch=67, duration=240, velocity=90))
    song = Song(tracks=(Track(id=1, name="Accompaniment", notes=notes),))
    heard = sounding(midi_bytes(song))
    # Every note starts on time and the later one of each pair sounds its whole length.
    assert heard == [(0, 480, 60), (0, 480, 67), (480, 720, 67), (480, 1440, 60)]
    read_back = import_midi_bytes(midi_bytes(song)).song.tracks[0].notes
    assert sorted((n.start, n.end, n.pitch) for n in read_back) == [(0, 480, 60), (0, 480, 67), (480, 720, 67),
                                                               (480, 1440, 60)]
    assert song.tracks[0].notes == tuple(sorted(notes))  # only the file says it differently; the song is unchanged
