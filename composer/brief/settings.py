"""From what a brief says to everything a sketch needs: defaults from style and mood, sections placed, energy per bar.

The brief reader reports only what the text states; here the gaps are filled
the way the text implies: a mood brings a mode and a tempo, a style its
instrumentation and meter, named instruments take the parts they play best.
`SketchSettings` is what the New sketch dialog shows as ordinary fields (the
user changes any of them) and what `compose_song` follows.

Energy (0 calm .. 1 intense, one value per bar) is the product of three
readings: the mood's level, the sections' functions (a chorus is louder than a
verse) and the brief's shape (builds, fades, a hit at bar 17). It is empty when
the brief says none of these, so an unspecific sketch is composed exactly as
before, left to the model.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from composer.brief.lexicon import INSTRUMENTS, MOODS
from composer.brief.reader import Brief, Section
from composer.brief.styles import defaults_for
from composer.proposals.spec import PARTS, ProposalError
from engine.keys import Key

DEFAULT_BARS = 16
SECTION_ENERGY = {"intro": 0.35, "verse": 0.5, "pre-chorus": 0.65, "chorus": 0.85, "bridge": 0.6, "interlude": 0.4,
                  "solo": 0.75, "breakdown": 0.3, "outro": 0.3}
VARIATIONS = ("exact", "varied")
SHAPE_TOP = 0.85   # the least intensity a stated build, fade or arc reaches (the high band starts above 0.7)


@dataclass(frozen=True)
class PlacedSection:
    name: str
    first_bar: int    # 0-based
    bars: int

    @property
    def bar_range(self) -> range:
        return range(self.first_bar, self.first_bar + self.bars)


@dataclass(frozen=True)
class SketchSettings:
    """Everything New sketch composes from; every field is the user's to change."""
    bars: int = DEFAULT_BARS
    key: Key = field(default_factory=lambda: Key(0, "major"))
    tempo: float = 100.0
    meter: tuple[int, int] = (4, 4)
    parts: tuple[str, ...] = PARTS
    style: str | None = None
    programs: dict[str, int] = field(default_factory=dict)   # GM program per pitched part; missing: the default
    sections: tuple[PlacedSection, ...] = ()                  # empty: the whole sketch is one passage
    energy: tuple[float, ...] = ()                            # one value per bar, or empty: left to the model
    variation: str = "exact"                                  # how a repeated section comes back
    notes: tuple[str, ...] = ()                               # what was adjusted to fit, for the user

    def __post_init__(self) -> None:
        unknown = [p for p in self.parts if p not in PARTS]
        if unknown or not self.parts:
            raise ProposalError(f"unknown part(s) {', '.join(unknown) or '(none)'}; choose from {', '.join(PARTS)}")
        if not 1 <= self.bars <= 128:
            raise ProposalError(f"{self.bars} bars: a sketch has 1..128 bars")
        if self.energy and len(self.energy) != self.bars:
            raise ProposalError(f"the energy curve has {len(self.energy)} values for {self.bars} bars")
        if self.sections and sum(s.bars for s in self.sections) != self.bars:
            raise ProposalError(f"the sections add up to {sum(s.bars for s in self.sections)} bars, not {self.bars}")
        if self.variation not in VARIATIONS:
            raise ProposalError(f"variation {self.variation!r}: choose {' or '.join(VARIATIONS)}")

    def with_bars(self, bars: int) -> SketchSettings:
        """The same sketch at another length: sections and energy fitted (the last section grows or shrinks)."""
        sections = _fit_sections([Section(s.name, s.bars) for s in self.sections], bars)[0] if self.sections else ()
        energy = _resample(self.energy, bars) if self.energy else ()
        return replace(self, bars=bars, sections=sections, energy=energy)


def settings_from_brief(brief: Brief) -> SketchSettings:
    """The sketch `brief` asks for, with the gaps filled from its style and mood (see the module docstring)."""
    style = defaults_for(brief.style)
    mood = MOODS.get(brief.mood) if brief.mood else None
    mode = brief.mode or (mood.mode if mood else None) or "major"
    tonic = brief.tonic if brief.tonic is not None else (9 if mode == "minor" else 0)
    tempo = brief.tempo or (_clamp(mood.tempo, *style.tempo) if mood and mood.tempo and brief.style
                            else mood.tempo if mood and mood.tempo else style.typical_tempo)
    notes: list[str] = []
    bars = brief.bars or sum(s.bars for s in brief.sections) or DEFAULT_BARS
    sections, fitted = _fit_sections(list(brief.sections), bars)
    if fitted:
        notes.append(f"the sections add up to {sum(s.bars for s in brief.sections)} bars; the last one was fitted to "
                     f"make {bars}")
    parts = _parts(brief, style.parts)
    programs = _programs(brief.instruments, parts, style.programs)
    energy = _energy(brief, mood.energy if mood else None, sections, bars)
    return SketchSettings(bars=bars, key=Key(tonic, mode), tempo=float(tempo), meter=brief.meter or style.meter,
                          parts=parts, style=brief.style, programs=programs, sections=sections, energy=energy,
                          notes=tuple(notes))


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _fit_sections(sections: list[Section], bars: int) -> tuple[tuple[PlacedSection, ...], bool]:
    """Place sections end to end, trimming or growing the last so they fill `bars` exactly."""
    if not sections:
        return (), False
    placed: list[PlacedSection] = []
    start = 0
    for section in sections:
        if start >= bars:
            break
        length = min(section.bars, bars - start)
        placed.append(PlacedSection(section.name, start, length))
        start += length
    if start < bars:
        last = placed[-1]
        placed[-1] = PlacedSection(last.name, last.first_bar, last.bars + bars - start)
    fitted = sum(s.bars for s in sections) != bars
    return tuple(placed), fitted


def _parts(brief: Brief, style_parts: tuple[str, ...]) -> tuple[str, ...]:
    """The style's parts, plus any a named instrument needs (a drum only where one is named or the style has drums)."""
    if brief.only:
        wanted = set(brief.only)
    else:
        wanted = set(style_parts)
        named = [INSTRUMENTS[name] for name in brief.instruments]
        if named and not brief.style and not any("drums" in i.parts for i in named):
            wanted.discard("drums")   # "piano and cello": a duet, not a band
        wanted |= {i.parts[0] for i in named if i.parts[0] == "drums"}
        wanted -= set(brief.dropped)
    return tuple(p for p in PARTS if p in wanted) or ("melody",)


def _programs(instruments: tuple[str, ...], parts: tuple[str, ...], style_programs: dict[str, int]) -> dict[str, int]:
    """Named instruments take the parts they play best, in the order named; the rest keep the style's sounds,
    unless a named section covers them too (strings play the bass on contrabasses)."""
    programs: dict[str, int] = {}
    pitched = [p for p in parts if p not in ("chords", "drums")]
    named = [INSTRUMENTS[name] for name in instruments if INSTRUMENTS[name].parts[0] != "drums"]
    for instrument in named:
        free = [p for p in instrument.parts if p in pitched and p not in programs]
        if free:
            programs[free[0]] = instrument.program
    for part in pitched:
        if part in programs:
            continue
        for instrument in named:
            if part in instrument.parts:
                programs[part] = instrument.bass_program if part == "bass" and instrument.bass_program is not None \
                    else instrument.program
                break
        else:
            if part in style_programs:
                programs[part] = style_programs[part]
    return programs


def _energy(brief: Brief, mood_level: float | None, sections: tuple[PlacedSection, ...], bars: int) -> tuple[float, ...]:
    """One value per bar from the mood, the sections and the shape; empty when the brief says nothing of energy."""
    functional = [s for s in sections if s.name in SECTION_ENERGY]
    if mood_level is None and not functional and brief.energy is None and not brief.peaks:
        return ()
    base = [mood_level if mood_level is not None else 0.5] * bars
    for section in functional:
        for bar in section.bar_range:
            base[bar] = 0.4 * base[bar] + 0.6 * SECTION_ENERGY[section.name]
    shape = _shape(brief.energy, [p - 1 for p in brief.peaks if 1 <= p <= bars], bars)
    curve = [b * s for b, s in zip(base, shape)]
    top = max(curve)
    # a hit point is the sketch's most intense bar; a build, fade or arc reaches at least SHAPE_TOP at its height
    # (from a calm or moodless start it would otherwise never leave the middle band); else only a plateau
    # clipped at 1 is scaled down
    if brief.peaks:
        scale = 1.0 / top
    elif brief.energy in ("build", "fade", "arc") and top < SHAPE_TOP:
        scale = SHAPE_TOP / top
    else:
        scale = 1.0 / top if top > 1.0 else 1.0
    return tuple(round(_clamp(value * scale, 0.0, 1.0), 3) for value in curve)


def _shape(kind: str | None, peaks: list[int], bars: int) -> list[float]:
    """A multiplier per bar: rising to the peak (or the end) for a build, falling for a fade, both for an arc."""
    def ramp(a: float, b: float, n: int) -> list[float]:
        return [a + (b - a) * i / max(1, n - 1) for i in range(n)]

    if peaks:
        shape = [1.0] * bars
        peak = peaks[0]
        shape[:peak + 1] = ramp(0.45 if kind in (None, "build") else 0.8, 1.6, peak + 1)
        if peak + 1 < bars:
            shape[peak + 1:] = ramp(1.3, 0.9, bars - peak - 1)
        for extra in peaks[1:]:
            shape[extra] = max(shape[extra], 1.6)
        return shape
    if kind == "build":
        return ramp(0.5, 1.5, bars)
    if kind == "fade":
        return ramp(1.5, 0.5, bars)
    if kind == "arc":
        half = (bars + 1) // 2
        return ramp(0.6, 1.4, half) + ramp(1.4, 0.6, bars - half + 1)[1:]
    return [1.0] * bars


def _resample(values: tuple[float, ...], bars: int) -> tuple[float, ...]:
    return tuple(values[min(len(values) - 1, i * len(values) // bars)] for i in range(bars))
