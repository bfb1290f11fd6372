"""MusicXML export, our own writer: `durations` (lengths as note types, dots, tuplets), `layout` (a track's
notes in bars and voices), `marks` (keys, tempo marks, chord symbols), `writer` (the XML text).
engine/musicxml.py is the entry point (export_musicxml) and says what the score holds."""
