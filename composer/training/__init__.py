"""Training the composer model: config, windows, mask policies, packed examples, loss-curve plot.

The entry point is `python -m composer.train` (composer/train.py); this package
holds what it is made of, so each piece can be tested on its own.
"""
