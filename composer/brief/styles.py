"""What each style the model knows brings to a sketch unless the brief or the user says otherwise.

A style is first of all the STYLE token the model conditions on
(composer.tokens.vocab.STYLES; docs/DATA.md says which training pieces carry
which). A sketch also needs an instrumentation, a tempo and a meter, and a
user who picks "orchestral" expects strings and horns at a broad tempo, not a
piano and a drum kit at 120. The programs are the General MIDI sounds the
style's training pieces are written for (docs/DATA.md); the tempo ranges are
the usual ones for the style, and `benchmarks/bench_brief.py --parts tempos` prints
them beside the training pieces' own. Every value is only a starting point:
the New sketch dialog and `cadenza compose` show them as ordinary fields.
"""
from __future__ import annotations

from dataclasses import dataclass

from composer.tokens.vocab import STYLES


@dataclass(frozen=True)
class StyleDefaults:
    parts: tuple[str, ...]               # which parts a sketch in this style has (spec.PARTS order)
    programs: dict[str, int]             # GM program per pitched part
    tempo: tuple[int, int]               # a usual tempo range, BPM
    meter: tuple[int, int]
    label: str                           # what the style is called in English (the UI translates it)

    @property
    def typical_tempo(self) -> int:
        low, high = self.tempo
        return round((low + high) / 2)


_ALL = ("chords", "melody", "bass", "accompaniment", "drums")
_NO_DRUMS = ("chords", "melody", "bass", "accompaniment")

STYLE_DEFAULTS: dict[str, StyleDefaults] = {
    "pop": StyleDefaults(_ALL, {"melody": 0, "bass": 33, "accompaniment": 4}, (80, 124), (4, 4), "Pop"),
    "folk": StyleDefaults(_NO_DRUMS, {"melody": 73, "bass": 32, "accompaniment": 25}, (90, 132), (4, 4), "Folk"),
    "art_song": StyleDefaults(_NO_DRUMS, {"melody": 52, "bass": 0, "accompaniment": 0}, (60, 100), (4, 4), "Art song"),
    "orchestral": StyleDefaults(_NO_DRUMS, {"melody": 40, "bass": 43, "accompaniment": 48}, (60, 110), (4, 4),
                                "Orchestral"),
    "string_quartet": StyleDefaults(_NO_DRUMS, {"melody": 40, "bass": 42, "accompaniment": 41}, (60, 120), (4, 4),
                                    "String quartet"),
    "keyboard": StyleDefaults(_NO_DRUMS, {"melody": 0, "bass": 0, "accompaniment": 0}, (70, 120), (4, 4),
                              "Keyboard"),
    "game_rock": StyleDefaults(_ALL, {"melody": 30, "bass": 34, "accompaniment": 29}, (120, 170), (4, 4),
                               "Game and rock"),
    "drum_grooves": StyleDefaults(("chords", "bass", "drums"), {"bass": 33}, (90, 130), (4, 4), "Drum groove"),
}
assert tuple(STYLE_DEFAULTS) == STYLES, "one set of defaults per STYLE token, in the vocabulary's order"

# A sketch with no style said: what New sketch has always made.
UNSTYLED = StyleDefaults(_ALL, {"melody": 0, "bass": 33, "accompaniment": 4}, (80, 124), (4, 4), "Any")


def defaults_for(style: str | None) -> StyleDefaults:
    return UNSTYLED if style is None else STYLE_DEFAULTS[style]
