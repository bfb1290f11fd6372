"""The Proposals panel's words and what they ask of the composer: one place turns them into `Controls`.

The panel speaks the user's language (Adventurous 1-10, Density "busy",
Range "middle", Follow chords "closely"); the composer takes `Controls`. The
mapping lives here, on the UI thread, so the worker is handed a validated
`Controls` and a composer `Task` (a bad value is a one-line ProposalError
before any thread starts), and the take list can say in the same words how a
take was made (the words are what a take records: they are what the user
chose, and what the list shows).
"""
from __future__ import annotations

from app.proposals.originality_badge import reference_folder
from composer.proposals.spec import Controls, Region
from engine.song import Song

# Adventurousness 1..10 -> sampling temperature (5 is the model's own 1.0).
ADVENTURE_TEMPERATURE = {level: round(0.4 + 0.12 * level, 2) for level in range(1, 11)}
DENSITY_WORDS = {"auto": None, "sparse": "low", "medium": "mid", "busy": "high"}
CHORD_WORDS = {"loosely": "soft", "closely": "strict", "ignore": "off"}
RANGE_WORDS = {"any": None, "low": (28, 55), "middle": (48, 79), "high": (60, 91)}


def composer_controls(song: Song, region: Region, words: dict) -> Controls:
    """The panel's words for a proposal into `region` of `song` -> the composer's Controls (ProposalError
    when a value is out of range); the key is the song's at the region's first bar."""
    key = song.key_at(song.meter_map.bar_start(region.first_bar))
    return Controls(temperature=ADVENTURE_TEMPERATURE[int(words["adventure"])], seed=int(words["seed"]),
                    candidates=int(words["takes"]), key=key, key_strict=bool(words["key_lock"]) and key is not None,
                    pitch_range=RANGE_WORDS[words["range"]], density=DENSITY_WORDS[words["density"]],
                    chord_following=CHORD_WORDS[words["follow_chords"]],
                    avoid_close_matches=bool(words.get("avoid_close")), reference_folder=reference_folder())
