"""Originality: how close a passage comes to anything the model was trained on (or to a reference folder).

The corpus is reduced to hashed n-grams of what a listener recognises a tune
by, transposition-invariant and rhythm-aware (`lines`), kept with the piece
each came from (`index`), and a passage is matched against it for the longest
run of consecutive notes, and of chords, found in one piece (`match`).
`python -m composer.originality.build` writes the shipped index
(resources/originality-index.npz) and measures the base rate on held-out
songs. Torch-free and Qt-free: numpy only. See docs/ORIGINALITY.md.
"""
