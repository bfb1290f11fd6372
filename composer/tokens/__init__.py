"""Tokens for bar x track infilling: vocabulary, grid cells, encode and decode.

song -> `song_grid` (cells of quantized events) -> `encode` (ids, with masked
cells moved after a separator) -> model -> `decode` (cells again) ->
`grid_to_song` (engine notes and chords). See docs/DATA.md for the layout.
"""
from composer.tokens.decode import Decoded, decode, grid_to_song
from composer.tokens.encode import CHORD_LANE, encode
from composer.tokens.grid import ChordMark, Grid, Lane, NoteEvent, song_grid
from composer.tokens.vocab import VOCAB, Vocabulary

__all__ = ["CHORD_LANE", "ChordMark", "Decoded", "Grid", "Lane", "NoteEvent", "VOCAB", "Vocabulary",
           "decode", "encode", "grid_to_song", "song_grid"]
