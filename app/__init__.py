"""Cadenza's editor: the PySide6 window, the only layer that imports Qt.

Everything here is a view or a controller over `engine.document.SongDocument`:
widgets never change the song themselves, they push engine edits through the
undo stack (see app.session), so undo, autosave and the player stay in step.
"""