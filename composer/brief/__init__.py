"""A sketch brief: a few words about a piece (in English or Chinese) read into what New sketch composes.

`read_brief` says what the text states; `composer.brief.settings` fills the
rest from the style and the mood and turns sections and energy into the
per-bar plan `compose_song` follows. Torch-free: the dialog reads a brief as
the user types.
"""
from composer.brief.reader import Brief, Section, read_brief

__all__ = ["Brief", "Section", "read_brief"]
