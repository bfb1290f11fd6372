"""The one error a MusicXML file can raise on import: `path: reason`, one line."""
from __future__ import annotations

from engine.errors import FileFormatError


class MusicXmlFileError(FileFormatError):
    """A MusicXML file that cannot be opened (malformed, not a score, unusable structure)."""
