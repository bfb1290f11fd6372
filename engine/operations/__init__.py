"""Pure operations over notes: quantize, transpose, humanize, legato, velocity.

Every operation takes a sequence of notes (normally one track's selection) and
returns a new tuple of notes, the i-th result being what became of the i-th
input note; nothing is mutated and no song is touched. `notes_edit` turns a
before/after pair into one undoable `NotesEdit`, so the editor applies an
operation as a single step:

    after = quantize(selected, grid_ticks=120)
    document.apply(notes_edit(track.id, selected, after, "Quantize"))
"""
from engine.operations.common import OperationError, notes_edit
from engine.operations.humanize import humanize
from engine.operations.legato import legato
from engine.operations.quantize import quantize
from engine.operations.transpose import transpose, transpose_in_scale
from engine.operations.velocity import scale_velocity

__all__ = [
    "OperationError", "humanize", "legato", "notes_edit", "quantize", "scale_velocity",
    "transpose", "transpose_in_scale",
]
