"""Real MIDI files for the learned-style tests: the repo's test songs copied into a folder, a short piece."""
from __future__ import annotations

import shutil
from pathlib import Path

MIDI = Path(__file__).resolve().parents[2] / "data" / "midi"
PIECES = ("pop909_001.mid", "nottingham_ashover1.mid", "nottingham_jigs107.mid", "pop909_331.mid")


def copy_pieces(folder: Path, names=PIECES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(MIDI / name, folder / name)
    return folder


def short_piece(path: Path, bars: int = 2) -> Path:
    """A real MIDI file of `bars` bars of 4/4 quarter notes (too short to learn from when under 4)."""
    from engine.midi import write_midi
    from engine.notes import Note
    from engine.song import Song
    from engine.track import Track, TrackRole

    notes = tuple(Note(start=i * 480, pitch=60 + i % 5, duration=480, velocity=80) for i in range(bars * 4))
    write_midi(Song(tracks=(Track(id=0, name="Melody", role=TrackRole.MELODY, program=73, notes=notes),),
                    end_tick=bars * 4 * 480), path)
    return path
