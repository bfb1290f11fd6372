"""Cadenza's music core: the song model, timing, MIDI and project I/O, operations, audio.

This layer imports neither Qt nor torch, so the command line, the tests, the
composer and any future plugin or server reuse it without a GUI.
"""
