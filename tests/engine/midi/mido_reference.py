"""mido as an independent reference: notes paired first-in-first-out, as comparable multisets.

Each note is (channel, pitch, start tick, end tick, velocity); a note left open
is closed at its track's end, the same policy engine.midi documents.
"""
from collections import Counter, defaultdict, deque

import mido


def reference_notes(mid: mido.MidiFile) -> Counter:
    notes: Counter = Counter()
    for track in mid.tracks:
        tick = 0
        sounding: dict[tuple[int, int], deque] = defaultdict(deque)
        for msg in track:
            tick += msg.time
            if msg.type == "note_on" and msg.velocity > 0:
                sounding[msg.channel, msg.note].append((tick, msg.velocity))
            elif msg.type in ("note_on", "note_off") and sounding[msg.channel, msg.note]:
                start, velocity = sounding[msg.channel, msg.note].popleft()
                notes[msg.channel, msg.note, start, tick, velocity] += 1
        for (channel, pitch), queue in sounding.items():
            for start, velocity in queue:
                notes[channel, pitch, start, tick, velocity] += 1
    return notes


def our_notes(song) -> Counter:
    return Counter((t.channel, n.pitch, n.start, n.end, n.velocity) for t in song.tracks for n in t.notes)


def per_channel(notes: Counter) -> Counter:
    counts: Counter = Counter()
    for (channel, *_), count in notes.items():
        counts[channel] += count
    return counts
