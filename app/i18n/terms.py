"""Musical words the engine names in English identifiers, shown in the interface language.

The engine's scale names ("major", "dorian") and track roles ("bass") are
data: they are saved in projects and parsed back, so they never change. The
widgets that show them keep the identifier as item data and show these
translations, marked here for lupdate and looked up when displayed
(docs/GLOSSARY.zh-CN.md lists the Chinese words). The proposal tasks are
here too: the panel and the take list both name them.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox

from composer.proposals.tasks import TASKS

SCALE_NAMES = {
    "major": QT_TRANSLATE_NOOP("Scale", "major"),
    "minor": QT_TRANSLATE_NOOP("Scale", "minor"),
    "harmonic minor": QT_TRANSLATE_NOOP("Scale", "harmonic minor"),
    "melodic minor": QT_TRANSLATE_NOOP("Scale", "melodic minor"),
    "dorian": QT_TRANSLATE_NOOP("Scale", "dorian"),
    "phrygian": QT_TRANSLATE_NOOP("Scale", "phrygian"),
    "lydian": QT_TRANSLATE_NOOP("Scale", "lydian"),
    "mixolydian": QT_TRANSLATE_NOOP("Scale", "mixolydian"),
    "locrian": QT_TRANSLATE_NOOP("Scale", "locrian"),
    "major pentatonic": QT_TRANSLATE_NOOP("Scale", "major pentatonic"),
    "minor pentatonic": QT_TRANSLATE_NOOP("Scale", "minor pentatonic"),
    "blues": QT_TRANSLATE_NOOP("Scale", "blues"),
    "chromatic": QT_TRANSLATE_NOOP("Scale", "chromatic"),
}

ROLE_NAMES = {
    "melody": QT_TRANSLATE_NOOP("Role", "melody"),
    "chords": QT_TRANSLATE_NOOP("Role", "chords"),
    "bass": QT_TRANSLATE_NOOP("Role", "bass"),
    "accompaniment": QT_TRANSLATE_NOOP("Role", "accompaniment"),
    "drums": QT_TRANSLATE_NOOP("Role", "drums"),
    "other": QT_TRANSLATE_NOOP("Role", "other"),
}

# The undo steps engine/ and composer/ name themselves (their default labels), for the Edit menu's Undo/Redo and
# the History. Labels the app gives are translated where it makes them; they pass through `edit_label` unchanged.
ENGINE_EDIT_LABELS = frozenset((
    QT_TRANSLATE_NOOP("Edit", "Edit notes"),
    QT_TRANSLATE_NOOP("Edit", "Change track"),
    QT_TRANSLATE_NOOP("Edit", "Add track"),
    QT_TRANSLATE_NOOP("Edit", "Delete track"),
    QT_TRANSLATE_NOOP("Edit", "Move track"),
    QT_TRANSLATE_NOOP("Edit", "Change song"),
    QT_TRANSLATE_NOOP("Edit", "Replace song"),
    QT_TRANSLATE_NOOP("Edit", "Edit"),
    QT_TRANSLATE_NOOP("Edit", "Step input"),
    QT_TRANSLATE_NOOP("Edit", "Record"),
    QT_TRANSLATE_NOOP("Edit", "Repeat section"),
    QT_TRANSLATE_NOOP("Edit", "Shape dynamics"),
    QT_TRANSLATE_NOOP("Edit", "Propose melody"),
    QT_TRANSLATE_NOOP("Edit", "Propose chords"),
    QT_TRANSLATE_NOOP("Edit", "Propose bass"),
    QT_TRANSLATE_NOOP("Edit", "Propose accompaniment"),
    QT_TRANSLATE_NOOP("Edit", "Propose drums"),
    QT_TRANSLATE_NOOP("Edit", "Propose fill"),
    QT_TRANSLATE_NOOP("Edit", "Propose continue"),
    QT_TRANSLATE_NOOP("Edit", "Propose variation-rhythm"),
    QT_TRANSLATE_NOOP("Edit", "Propose variation-contour"),
    QT_TRANSLATE_NOOP("Edit", "Add marker"),
    QT_TRANSLATE_NOOP("Edit", "Add hit point"),
    QT_TRANSLATE_NOOP("Edit", "Rename marker"),
    QT_TRANSLATE_NOOP("Edit", "Move marker"),
    QT_TRANSLATE_NOOP("Edit", "Delete marker"),
    QT_TRANSLATE_NOOP("Edit", "Lock marker to timecode"),
    QT_TRANSLATE_NOOP("Edit", "Unlock marker"),
    QT_TRANSLATE_NOOP("Edit", "Fit tempo to hits"),
    QT_TRANSLATE_NOOP("Edit", "Lock track"),
    QT_TRANSLATE_NOOP("Edit", "Unlock track"),
    QT_TRANSLATE_NOOP("Edit", "Lock notes"),
    QT_TRANSLATE_NOOP("Edit", "Unlock notes"),
    QT_TRANSLATE_NOOP("Edit", "Keep take"),
    QT_TRANSLATE_NOOP("Edit", "Generate takes"),
    QT_TRANSLATE_NOOP("Edit", "Discard take"),
))


def edit_label(label: str) -> str:
    return QCoreApplication.translate("Edit", label) if label in ENGINE_EDIT_LABELS else label


def task_label(task: str) -> str:
    """A task as the Write box and the take list name it (composer.proposals.tasks holds the words)."""
    return _task_words(task, "label")


def task_noun(task: str) -> str:
    """What the status line says a task is writing ("Writing 3 takes of bass line…")."""
    return _task_words(task, "noun")


def _task_words(task: str, field: str) -> str:
    """A TaskSpec's `field`, translated in the "Task" context where it is marked; an unknown task as it is."""
    spec = TASKS.get(task)
    return QCoreApplication.translate("Task", getattr(spec, field)) if spec is not None else task


def scale_name(mode: str) -> str:
    """A scale as the interface writes it ("minor" -> "小调"); an unknown one as the engine spells it."""
    return QCoreApplication.translate("Scale", mode) if mode in SCALE_NAMES else mode


def role_name(role: str) -> str:
    return QCoreApplication.translate("Role", role) if role in ROLE_NAMES else role


def fill_combo(combo: QComboBox, values, shown) -> None:
    """Items that show `shown(value)` and keep `value` as their data (select with `select_data`)."""
    for value in values:
        combo.addItem(shown(value), value)


def select_data(combo: QComboBox, value) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
