"""What all converters share: the corpus record, the common resolution, tick rescaling.

The tokenizer works on a grid of 1/12 quarter (see composer.tokens.grid); 480
ticks per quarter holds that grid exactly (40 ticks a step), and it is the
engine's default, so corpus songs look like songs the user makes.
"""
from __future__ import annotations

from dataclasses import dataclass

from composer.tokens.vocab import DRUM_STEPS, STEPS_PER_QUARTER, STYLES
from engine.notes import Note
from engine.song import Song

TICKS_PER_QUARTER = 480


@dataclass(frozen=True)
class CorpusSong:
    """One converted song: `source` + `song_id` name it, `split` is 'train' or 'validation'.

    `licence` travels with the song, so what may be shipped (not GPL-3
    Nottingham) can be decided per song, not remembered. `style` is one of
    composer.tokens.vocab.STYLES, fixed per source (docs/DATA.md, "Styles"):
    training puts it in the window header so a request can ask for a style.
    """

    source: str
    song_id: str
    song: Song
    split: str
    licence: str
    style: str

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"style {self.style!r} is not one of {STYLES}")

    @property
    def key(self) -> str:
        return f"{self.source}:{self.song_id}"


def rescale_tick(tick: int, from_tpq: int, to_tpq: int = TICKS_PER_QUARTER) -> int:
    """A tick at another resolution, rounded to the nearest (exact when divisible)."""
    return (tick * to_tpq * 2 + from_tpq) // (from_tpq * 2)


def rescale_notes(notes, from_tpq: int, to_tpq: int = TICKS_PER_QUARTER) -> list[Note]:
    """Notes at another resolution; start and end are rescaled, so tied chains stay tied."""
    out = []
    for note in notes:
        start = rescale_tick(note.start, from_tpq, to_tpq)
        end = rescale_tick(note.end, from_tpq, to_tpq)
        out.append(note.with_(start=start, duration=end - start))
    return out

# Drum hits have no meaningful length; converters give them the one the
# tokenizer decodes them with (a 16th), so a drum cell round-trips exactly.
DRUM_NOTE_TICKS = DRUM_STEPS * TICKS_PER_QUARTER // STEPS_PER_QUARTER
GRID_TICKS = TICKS_PER_QUARTER // STEPS_PER_QUARTER  # one token grid step
