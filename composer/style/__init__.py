"""Learned styles: the shipped composer adapted to a folder of the user's own pieces (docs/STYLES.md).

    learn.py    learn_style(folder, name): read, hold out, measure, train the adapter, measure, save
    pieces.py   the folder -> pieces with importer roles, the skipped files and why, the held-out split
    adapter.py  LoRA on every projection (default) or the top blocks; merged into the base weights
    measure.py  held-out loss, and the product path's statistics against the held-out pieces
    store.py    style files in the user's data folder (atomic), the base model's hash, one-line refusals
    apply.py    styled_model(name): the merged, quantized model proposals decode with (cached)

Importing this package imports nothing heavy; the modules import torch.
"""
