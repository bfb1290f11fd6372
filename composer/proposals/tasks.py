"""Every proposal task in one table: what it is called, its key, what it writes and how it is planned.

The Compose menu, the panel's Write box, the take list, the status line,
`cadenza generate`, the request checks (admission) and the planner
(plan.py) all read `TASKS`, so adding a task is one entry here (plus its
`Task` value). The interface words are marked for translation where they are
written: `QT_TRANSLATE_NOOP` below is the marker pyside6-lupdate looks for
(app/i18n/update.py reads this file too); composer/ never imports Qt, so the
marker is a plain function that returns its text, and the app translates the
text in the marked context when it shows it.
"""
from __future__ import annotations

from dataclasses import dataclass

from composer.proposals.spec import Task


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    return text


@dataclass(frozen=True)
class TaskSpec:
    task: Task
    label: str                  # the Write box and the take list ("Task" context)
    noun: str                   # what the status line says is being written ("Task" context)
    menu_text: str              # the Compose menu's entry, with its accelerator ("ComposeMenu" context)
    shortcut: str
    role: str | None = None     # the track role it writes; None: each track of the region keeps its own
    chord_lane: bool = False    # writes the chord lane, not the region's tracks
    appends: bool = False       # its bars come after the song's end
    variation: str | None = None  # "rhythm" (new pitches on the old rhythm) or "contour" (new rhythm, old shape)


TASKS: dict[Task, TaskSpec] = {spec.task: spec for spec in (
    TaskSpec(Task.MELODY, QT_TRANSLATE_NOOP("Task", "Melody"), QT_TRANSLATE_NOOP("Task", "melody"),
             QT_TRANSLATE_NOOP("ComposeMenu", "Generate &melody"), "Ctrl+Alt+M", role="melody"),
    TaskSpec(Task.CHORDS, QT_TRANSLATE_NOOP("Task", "Chords"), QT_TRANSLATE_NOOP("Task", "chords"),
             QT_TRANSLATE_NOOP("ComposeMenu", "Suggest &chords"), "Ctrl+Alt+C", chord_lane=True),
    TaskSpec(Task.BASS, QT_TRANSLATE_NOOP("Task", "Bass"), QT_TRANSLATE_NOOP("Task", "bass line"),
             QT_TRANSLATE_NOOP("ComposeMenu", "Generate &bass"), "Ctrl+Alt+B", role="bass"),
    TaskSpec(Task.ACCOMPANIMENT, QT_TRANSLATE_NOOP("Task", "Accompaniment"), QT_TRANSLATE_NOOP("Task", "accompaniment"),
             QT_TRANSLATE_NOOP("ComposeMenu", "Generate &accompaniment"), "Ctrl+Alt+A", role="accompaniment"),
    TaskSpec(Task.DRUMS, QT_TRANSLATE_NOOP("Task", "Drums"), QT_TRANSLATE_NOOP("Task", "drums"),
             QT_TRANSLATE_NOOP("ComposeMenu", "Generate &drums"), "Ctrl+Alt+D", role="drums"),
    TaskSpec(Task.FILL, QT_TRANSLATE_NOOP("Task", "Fill selection"), QT_TRANSLATE_NOOP("Task", "fill"),
             QT_TRANSLATE_NOOP("ComposeMenu", "&Fill selection"), "Ctrl+Alt+F"),
    TaskSpec(Task.CONTINUE, QT_TRANSLATE_NOOP("Task", "Continue"), QT_TRANSLATE_NOOP("Task", "continuation"),
             QT_TRANSLATE_NOOP("ComposeMenu", "C&ontinue"), "Ctrl+Alt+N", appends=True),
    TaskSpec(Task.VARIATION_RHYTHM, QT_TRANSLATE_NOOP("Task", "Variation (keep rhythm)"),
             QT_TRANSLATE_NOOP("Task", "variation"), QT_TRANSLATE_NOOP("ComposeMenu", "&Variation (keep rhythm)"),
             "Ctrl+Alt+V", variation="rhythm"),
    TaskSpec(Task.VARIATION_CONTOUR, QT_TRANSLATE_NOOP("Task", "Variation (keep contour)"),
             QT_TRANSLATE_NOOP("Task", "variation"), QT_TRANSLATE_NOOP("ComposeMenu", "Variation (keep c&ontour)"),
             "Ctrl+Alt+Shift+V", variation="contour"),
)}

def task_for_role(role: str) -> Task:
    """The task the Write box offers for a track of `role`: the part it plays, else Fill (by its own role)."""
    return next((task for task, spec in TASKS.items() if spec.role == role), Task.FILL)
