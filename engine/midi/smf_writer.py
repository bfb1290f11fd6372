"""`Song` -> Standard MIDI File bytes (format 1), and an atomic write to disk.

Our own writer rather than mido's: the event order at equal ticks decides how
a reader pairs notes, so we fix it here instead of trusting a library's sort.
Layout:

- track 1, conductor: title (track name), then tempo, time signature, key
  signature and marker events;
- a `Chords` track with one text event per chord symbol (only when the chord
  lane is not empty);
- one track per song track: name, Cadenza's role/mute/solo tag (see
  engine.midi.track_tag), bank select (when needed), program, volume CC 7 and
  pan CC 10 at tick 0; then per tick: note-offs, program changes, controllers,
  pitch bends, note-ons. A zero-length note is written as note-on then
  note-off at the same tick, in that order, so it reads back as itself.
- Notes of one pitch that overlap in one track are written so they play as
  written: the earlier note ends where the later one starts. Written as on,
  on, off, off, a synth's first note-off silences the key and cuts the later
  note short (the one that was meant to sound); cut this way, every note
  starts when it should and the later one lasts its whole length. The earlier
  note's tail past that point is lost, which is what a re-struck key does
  anyway. Moving it to a free channel would keep both, but it would come back
  as another track on import, and 16 channels run out. Tracks that share a
  channel are left alone: they are separate parts (POP909 puts melody, bridge
  and piano all on channel 1), and cutting one part's notes at another's would
  change the music on a round trip; in another sequencer such tracks share one
  instrument anyway. The song itself is not changed; only what the file says.

Every track ends with end-of-track at `song.length_ticks`. Text is UTF-8.
Writing to disk is atomic (engine.atomic), like project saves.
"""
from __future__ import annotations

from os import PathLike

from engine.atomic import atomic_write_bytes
from engine.chords import chord_name
from engine.midi.song_builder import (BANK_LSB, BANK_MSB, CHORDS_TRACK_NAME, KEY_SIGNATURE, MARKER, PAN, TEMPO,
                                      TEXT, TIME_SIGNATURE, TRACK_NAME, VOLUME)
from engine.limits import check_ticks
from engine.midi.track_tag import SEQUENCER_SPECIFIC, encode_tag
from engine.markers import marker_midi_text
from engine.song import Song
from engine.timecode import SMPTE_OFFSET, SongTimecode, frame_rate_tag, smpte_offset_payload
from engine.track import Track

# Ranks order the events that share a tick.
_SETUP, _NOTE_OFF, _CONTROL, _NOTE_ON = range(4)
_END_OF_TRACK = b"\xff\x2f\x00"
_MAX_DELTA = 0x0FFFFFFF  # a variable-length number holds at most 4 x 7 bits
_FILLER = bytes((0xFF, SEQUENCER_SPECIFIC, 0))  # an empty meta event every reader skips


def varlen(value: int) -> bytes:
    """MIDI's variable-length number: 7 bits a byte, high bit set on all but the last."""
    out = bytearray([value & 0x7F])
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def meta(kind: int, payload: bytes) -> bytes:
    return bytes((0xFF, kind)) + varlen(len(payload)) + payload


def _text(kind: int, text: str) -> bytes:
    return meta(kind, text.encode("utf-8"))


def _delta(body: bytearray, delta: int) -> None:
    """Append a delta time; gaps beyond MIDI's 28-bit limit are bridged with empty meta events."""
    while delta > _MAX_DELTA:
        body += varlen(_MAX_DELTA) + _FILLER
        delta -= _MAX_DELTA
    body += varlen(delta)


def _chunk(events: list[tuple[int, int, int, bytes]], end_tick: int) -> bytes:
    """An MTrk chunk from (tick, rank, sequence, bytes) events."""
    events.sort(key=lambda e: e[:3])
    body = bytearray()
    now = 0
    for tick, _, _, data in events:
        _delta(body, tick - now)
        body += data
        now = tick
    _delta(body, max(0, end_tick - now))
    body += _END_OF_TRACK
    return b"MTrk" + len(body).to_bytes(4, "big") + bytes(body)


def _conductor(song: Song) -> list[tuple[int, int, int, bytes]]:
    events = []
    if song.title:
        events.append((0, _SETUP, 0, _text(TRACK_NAME, song.title)))
    for t in song.tempos:
        events.append((t.tick, _CONTROL, len(events), meta(TEMPO, t.us_per_quarter.to_bytes(3, "big"))))
    for m in song.meters:
        power = m.denominator.bit_length() - 1
        events.append((m.tick, _CONTROL, len(events), meta(TIME_SIGNATURE, bytes((m.numerator, power, 24, 8)))))
    for k in song.keys:
        payload = bytes((k.key.sharps & 0xFF, int(k.key.is_minor)))
        events.append((k.tick, _CONTROL, len(events), meta(KEY_SIGNATURE, payload)))
    for marker in song.markers:
        events.append((marker.tick, _CONTROL, len(events), _text(MARKER, marker_midi_text(marker))))
    if song.timecode != SongTimecode():  # the SMPTE start and the exact rate (engine.timecode)
        events.append((0, _SETUP, len(events), meta(SMPTE_OFFSET, smpte_offset_payload(song.timecode))))
        events.append((0, _SETUP, len(events), meta(SEQUENCER_SPECIFIC, frame_rate_tag(song.timecode))))
    return events


def _chord_track(song: Song) -> list[tuple[int, int, int, bytes]]:
    events = [(0, _SETUP, 0, _text(TRACK_NAME, CHORDS_TRACK_NAME))]
    events += [(c.tick, _CONTROL, i, _text(TEXT, chord_name(c.chord))) for i, c in enumerate(song.chords, 1)]
    return events


def written_ends(track: Track) -> list[int]:
    """Each note's end tick as written: its own, or the start of the next note of its pitch, if that is sooner."""
    ends = [note.end for note in track.notes]
    next_start: dict[int, int] = {}  # pitch -> start of the nearest later note (the notes are sorted by start)
    for index in range(len(track.notes) - 1, -1, -1):
        note = track.notes[index]
        later = next_start.get(note.pitch)
        if later is not None and ends[index] > later:
            ends[index] = later
        next_start[note.pitch] = note.start
    return ends


def _track_events(track: Track) -> list[tuple[int, int, int, bytes]]:
    ch = track.channel
    first_note = track.notes[0].start if track.notes else float("inf")
    setup = [_text(TRACK_NAME, track.name)] if track.name else []
    setup.append(meta(SEQUENCER_SPECIFIC, encode_tag(track)))
    # Bank select is written only when it is set or when a later bank change
    # would otherwise be read back as the track's bank.
    if track.bank or any(c.controller in (BANK_MSB, BANK_LSB) and c.tick <= first_note for c in track.controls):
        setup += [bytes((0xB0 | ch, BANK_MSB, track.bank >> 7)), bytes((0xB0 | ch, BANK_LSB, track.bank & 0x7F))]
    setup += [bytes((0xC0 | ch, track.program)), bytes((0xB0 | ch, VOLUME, track.volume)),
              bytes((0xB0 | ch, PAN, track.pan))]
    events = [(0, _SETUP, i, data) for i, data in enumerate(setup)]
    seq = len(events)
    for change in track.program_changes:
        events.append((change.tick, _CONTROL, seq, bytes((0xC0 | ch, change.program))))
        seq += 1
    for control in track.controls:
        events.append((control.tick, _CONTROL, seq, bytes((0xB0 | ch, control.controller, control.value))))
        seq += 1
    for bend in track.pitch_bends:
        value = bend.value + 8192
        events.append((bend.tick, _CONTROL, seq, bytes((0xE0 | ch, value & 0x7F, value >> 7))))
        seq += 1
    on, off = 0x90 | ch, 0x80 | ch
    for note, end in zip(track.notes, written_ends(track)):
        if end > note.start:
            events.append((note.start, _NOTE_ON, seq, bytes((on, note.pitch, note.velocity))))
            events.append((end, _NOTE_OFF, seq, bytes((off, note.pitch, 64))))
        else:  # on, then off after a zero delta
            events.append((note.start, _NOTE_ON, seq, bytes((on, note.pitch, note.velocity, 0, off, note.pitch, 64))))
        seq += 1
    return events


def midi_bytes(song: Song) -> bytes:
    """The song as a format-1 Standard MIDI File; a song that ends past engine.limits' last tick raises
    SongTooLargeError (an end at tick 10^30 would otherwise be bridged by filler events forever)."""
    check_ticks(song, "song")
    end = song.length_ticks
    tracks = [_conductor(song)]
    if song.chords:
        tracks.append(_chord_track(song))
    tracks += [_track_events(track) for track in song.tracks]
    header = b"MThd" + (6).to_bytes(4, "big") + (1).to_bytes(2, "big") + len(tracks).to_bytes(2, "big")
    return header + song.ticks_per_quarter.to_bytes(2, "big") + b"".join(_chunk(events, end) for events in tracks)


def write_midi(song: Song, path: str | PathLike[str]) -> None:
    """Write `song` to `path` atomically (engine.atomic: temp file beside it, fsync, rename).

    A failure (disk full, no permission, missing folder) leaves any existing
    file untouched and raises engine.atomic.FileWriteError naming the path.
    """
    atomic_write_bytes(path, midi_bytes(song))
