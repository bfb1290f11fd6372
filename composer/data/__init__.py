"""Training corpus: converters from each public dataset into engine Songs with roles.

Every converter yields `CorpusSong`s at one resolution (`TICKS_PER_QUARTER`),
with real bars (meter map), a chord lane where the source has chords, a key,
and track roles, so the tokenizer never needs to know where a song came from.
"""
from composer.data.common import TICKS_PER_QUARTER, CorpusSong

__all__ = ["TICKS_PER_QUARTER", "CorpusSong"]
