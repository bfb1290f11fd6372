"""The sketch brief's fields in the New sketch dialog: the text box, style, mood, sections, energy and instruments.

A brief is read (composer.brief, instant and offline) into these ordinary
fields before anything is composed; the user checks and changes them, and
the sketch is composed from the fields, never from the text. Words the reader
did not understand are listed under the box, never guessed. The fields also
work without a brief: a style chosen by hand brings its instruments.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from app.i18n import fill
from app.i18n.terms import fill_combo, select_data
from app.tracks.gm import program_name

STYLE_LABELS = {
    "pop": QT_TRANSLATE_NOOP("Style", "Pop"),
    "folk": QT_TRANSLATE_NOOP("Style", "Folk"),
    "art_song": QT_TRANSLATE_NOOP("Style", "Art song"),
    "orchestral": QT_TRANSLATE_NOOP("Style", "Orchestral"),
    "string_quartet": QT_TRANSLATE_NOOP("Style", "String quartet"),
    "keyboard": QT_TRANSLATE_NOOP("Style", "Keyboard (rag, hymn)"),
    "game_rock": QT_TRANSLATE_NOOP("Style", "Game and rock"),
    "drum_grooves": QT_TRANSLATE_NOOP("Style", "Drum groove"),
}
MOOD_LABELS = {
    "tense": QT_TRANSLATE_NOOP("Mood", "tense"), "dark": QT_TRANSLATE_NOOP("Mood", "dark"),
    "sad": QT_TRANSLATE_NOOP("Mood", "sad"), "melancholy": QT_TRANSLATE_NOOP("Mood", "melancholy"),
    "nostalgic": QT_TRANSLATE_NOOP("Mood", "nostalgic"), "happy": QT_TRANSLATE_NOOP("Mood", "happy"),
    "playful": QT_TRANSLATE_NOOP("Mood", "playful"), "calm": QT_TRANSLATE_NOOP("Mood", "calm"),
    "gentle": QT_TRANSLATE_NOOP("Mood", "gentle"), "romantic": QT_TRANSLATE_NOOP("Mood", "romantic"),
    "dreamy": QT_TRANSLATE_NOOP("Mood", "dreamy"), "mysterious": QT_TRANSLATE_NOOP("Mood", "mysterious"),
    "scary": QT_TRANSLATE_NOOP("Mood", "scary"), "epic": QT_TRANSLATE_NOOP("Mood", "epic"),
    "heroic": QT_TRANSLATE_NOOP("Mood", "heroic"), "triumphant": QT_TRANSLATE_NOOP("Mood", "triumphant"),
    "energetic": QT_TRANSLATE_NOOP("Mood", "energetic"), "aggressive": QT_TRANSLATE_NOOP("Mood", "aggressive"),
    "solemn": QT_TRANSLATE_NOOP("Mood", "solemn"), "hopeful": QT_TRANSLATE_NOOP("Mood", "hopeful"),
}
ENERGY_LABELS = {
    None: QT_TRANSLATE_NOOP("Energy", "no build or fade"),
    "steady": QT_TRANSLATE_NOOP("Energy", "steady"),
    "build": QT_TRANSLATE_NOOP("Energy", "builds"),
    "fade": QT_TRANSLATE_NOOP("Energy", "fades"),
    "arc": QT_TRANSLATE_NOOP("Energy", "rises and falls"),
}
# Section names as the sections field writes them; the brief reader reads them back in either language.
SECTION_LABELS = {
    "intro": QT_TRANSLATE_NOOP("Section", "intro"), "verse": QT_TRANSLATE_NOOP("Section", "verse"),
    "pre-chorus": QT_TRANSLATE_NOOP("Section", "pre-chorus"), "chorus": QT_TRANSLATE_NOOP("Section", "chorus"),
    "bridge": QT_TRANSLATE_NOOP("Section", "bridge"), "interlude": QT_TRANSLATE_NOOP("Section", "interlude"),
    "solo": QT_TRANSLATE_NOOP("Section", "solo"), "breakdown": QT_TRANSLATE_NOOP("Section", "breakdown"),
    "outro": QT_TRANSLATE_NOOP("Section", "outro"),
}
PITCHED_PARTS = ("melody", "bass", "accompaniment")


def _translated(context: str, table: dict):
    return lambda value: QCoreApplication.translate(context, table[value])


def sections_text(sections) -> str:
    """'intro 4, verse 8' in the interface language (form letters stay letters), for the sections field."""
    names = _translated("Section", SECTION_LABELS)
    separator = QCoreApplication.translate("SketchBrief", ", ")
    return separator.join(f"{names(s.name) if s.name in SECTION_LABELS else s.name} {s.bars}" for s in sections)


class BriefFields(QWidget):
    """The brief box and the fields a brief fills; `applied` fires after a brief was read into the dialog."""

    read = Signal(object)   # the Brief read from the box

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from composer.brief.lexicon import MOODS
        from composer.tokens.vocab import STYLES

        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Describe the piece, e.g. tense chase in D minor, 140 BPM, strings "
                                             "and taiko, 32 bars, builds to a hit at bar 17"))
        self.read_button = QPushButton(self.tr("Read"))
        self.read_button.setToolTip(self.tr("Fill the fields below from the description (nothing is composed yet)"))
        self.unknown = QLabel()
        self.unknown.setWordWrap(True)
        self.style = QComboBox()
        self.style.addItem(self.tr("Any (left to the model)"), None)
        fill_combo(self.style, STYLES, _translated("Style", STYLE_LABELS))
        self.mood = QComboBox()
        self.mood.addItem(self.tr("none"), None)
        fill_combo(self.mood, MOODS, _translated("Mood", MOOD_LABELS))
        self.sections = QLineEdit()
        self.sections.setPlaceholderText(self.tr("e.g. intro 4, verse 8, chorus 8"))
        self.variation = QComboBox()
        self.variation.addItem(self.tr("exactly"), "exact")
        self.variation.addItem(self.tr("varied"), "varied")
        self.energy = QComboBox()
        fill_combo(self.energy, ENERGY_LABELS, _translated("Energy", ENERGY_LABELS))
        self.hit = QSpinBox()
        self.hit.setRange(0, 128)
        self.hit.setSpecialValueText(self.tr("none"))
        self.programs = {part: QComboBox() for part in PITCHED_PARTS}
        for combo in self.programs.values():
            for program in range(128):
                combo.addItem(f"{program + 1} {program_name(program)}", program)
        box = QHBoxLayout()
        box.addWidget(self.text, 1)
        box.addWidget(self.read_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(box)
        layout.addWidget(self.unknown)
        self.read_button.clicked.connect(self.read_text)
        self.text.returnPressed.connect(self.read_text)
        self.style.activated.connect(self._style_chosen)
        self._style_chosen()   # the instruments of a sketch with no style said

    def read_text(self) -> None:
        from composer.brief import read_brief

        brief = read_brief(self.text.text())
        if brief.not_understood:
            self.unknown.setText(fill(self.tr("Not understood (left out): %1"),
                                      self.tr(", ").join(brief.not_understood)))
        else:
            self.unknown.setText(self.tr("Every word understood.") if brief.text.strip() else "")
        self.read.emit(brief)

    def show_settings(self, brief, settings) -> None:
        """Put what a brief means into the fields."""
        select_data(self.style, settings.style)
        select_data(self.mood, brief.mood)
        self.sections.setText(sections_text(settings.sections))
        select_data(self.energy, brief.energy)
        self.hit.setValue(brief.peaks[0] if brief.peaks else 0)
        for part, combo in self.programs.items():
            if part in settings.programs:
                select_data(combo, settings.programs[part])

    def _style_chosen(self) -> None:
        """A style picked by hand brings its instruments (the user can still change each)."""
        from composer.brief.styles import defaults_for

        for part, program in defaults_for(self.style.currentData()).programs.items():
            select_data(self.programs[part], program)

    def brief(self, bars: int):
        """The fields as a Brief (what settings_from_brief turns into a sketch), for a sketch of `bars` bars."""
        from composer.brief import Brief, read_brief

        sections = read_brief(self.sections.text()).sections if self.sections.text().strip() else ()
        hit = self.hit.value()
        return Brief(text="", style=self.style.currentData(), bars=bars, sections=sections,
                     moods=(self.mood.currentData(),) if self.mood.currentData() else (),
                     energy=self.energy.currentData(), peaks=(hit,) if 0 < hit <= bars else ())

    def chosen_programs(self) -> dict[str, int]:
        return {part: combo.currentData() for part, combo in self.programs.items()}
