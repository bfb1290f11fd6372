"""Cadenza's own per-track tag inside a MIDI file: role, mute and solo.

MIDI has no place for a track's role or its mute/solo switches, so a guessed
role would drift on every save and load. We store them in a sequencer-specific
meta event (FF 7F), which other programs ignore by definition. It starts with
manufacturer id 0x7D (reserved for non-commercial use) and `cadenza:`, followed
by `role=bass;mute=0;solo=1`. Anything we do not recognise is ignored.
"""
from __future__ import annotations

from dataclasses import dataclass

from engine.track import Track, TrackRole

SEQUENCER_SPECIFIC = 0x7F
_PREFIX = b"\x7dcadenza:"


@dataclass(frozen=True, slots=True)
class TrackTag:
    role: TrackRole
    mute: bool
    solo: bool


def encode_tag(track: Track) -> bytes:
    """The payload of the FF 7F event that describes `track`."""
    text = f"role={track.role.value};mute={int(track.mute)};solo={int(track.solo)}"
    return _PREFIX + text.encode("ascii")


def decode_tag(payload: bytes) -> TrackTag | None:
    """The tag in an FF 7F payload, or None if it is not ours or not readable."""
    if not payload.startswith(_PREFIX):
        return None
    fields = dict(part.partition("=")[::2] for part in payload[len(_PREFIX):].decode("ascii", "replace").split(";"))
    try:
        return TrackTag(TrackRole(fields.get("role", "")), fields.get("mute") == "1", fields.get("solo") == "1")
    except ValueError:
        return None
