"""Roles for parts of scores that have none: the ensemble rule, and solo-with-keyboard.

Orchestral, quartet, hymn and game-music files name no roles (MuseScore's
export even drops the part names), so a part's role comes from what it plays,
by one rule for every ensemble source (docs/DATA.md, "Ensemble role rule"),
which lives in the engine (engine.ensemble.corpus_roles) beside the rule the
MIDI import uses, so both share what a line, a solo name and pitched
percussion are:

- a drum part (channel 10) is drums;
- melody: a part named as a solo or voice part, else the part with the highest
  mean pitch among those that are mostly monophonic (`MONOPHONIC_SHARE` of its
  onsets single, with nothing else of it still sounding), sound through much
  of the piece (notes in `SOUNDING_SHARE` of its 4-quarter spans) and lie above
  the bass register (mean pitch at least G3), else the highest part;
- bass: the part with the lowest mean pitch (not the melody, not a pitched
  percussion part such as the timpani, whose low mean says nothing of a line);
- every other part: accompaniment.

Keyboard and guitar parts (GM programs 0-31) are textures, not lines: beside
solo parts (a song's voice, a sonata's violin) they are merged and split by
composer.data.texture into bass + accompaniment; alone (a piano piece) the top
line also becomes the melody where it is a clear line.
"""
from __future__ import annotations

from collections.abc import Sequence

from composer.data.common import GRID_TICKS, TICKS_PER_QUARTER
from composer.data.score_midi import Part, part_track
from composer.data.texture import split_bass, split_top_line
from engine.ensemble import corpus_roles, melody_index
from engine.track import Track, TrackRole

SPAN_TICKS = 4 * TICKS_PER_QUARTER


def is_keyboard(part: Part) -> bool:
    """Pianos, chromatic percussion, organs and guitars: instruments that play textures."""
    return not part.drums and part.program < 32


def _tracks(parts: Sequence[Part]) -> list[Track]:
    return [part_track(i + 1, p, TrackRole.OTHER) for i, p in enumerate(parts)]


def ensemble_roles(parts: Sequence[Part]) -> list[TrackRole]:
    """Each part's role by the ensemble rule (engine.ensemble.corpus_roles)."""
    return corpus_roles(_tracks(parts), GRID_TICKS, SPAN_TICKS)


def melody_part(parts: Sequence[Part], pitched: list[int]) -> int:
    """The index of the melody part among `pitched` (engine.ensemble.melody_index)."""
    return melody_index(_tracks(parts), pitched, GRID_TICKS, SPAN_TICKS)


def ensemble_tracks(parts: Sequence[Part]) -> list[Track]:
    """One track per part, roles by the ensemble rule."""
    return [part_track(i + 1, p, r) for i, (p, r) in enumerate(zip(parts, ensemble_roles(parts)))]


def keyboard_tracks(keyboard: Sequence[Part], first_id: int, with_melody: bool) -> list[Track]:
    """Keyboard parts merged into one texture: bass (texture.split_bass), a top-line melody where
    `with_melody` and the line is clear, and the rest as accompaniment; empty lanes left out."""
    notes = tuple(sorted(n for p in keyboard for n in p.notes))
    bass, rest = split_bass(notes)
    melody, rest = split_top_line(rest) if with_melody else ((), rest)
    lanes = [(TrackRole.MELODY, melody), (TrackRole.BASS, bass), (TrackRole.ACCOMPANIMENT, rest)]
    tracks = []
    for role, lane in lanes:
        if lane:
            tracks.append(part_track(first_id + len(tracks), keyboard[0], role, lane, name=role.value))
    return tracks


def solo_with_keyboard(parts: Sequence[Part]) -> list[Track]:
    """Solo parts over a keyboard (a song, a sonata): the solo melody (melody_part among the
    non-keyboard parts; further solo parts 'other', like a second voice), the keyboard as bass +
    accompaniment. Without a keyboard: the ensemble rule; keyboard alone: its top line may be the melody."""
    keyboard = [p for p in parts if is_keyboard(p)]
    solos = [p for p in parts if not is_keyboard(p)]
    pitched_solos = [i for i, p in enumerate(solos) if not p.drums]
    if not keyboard:
        return ensemble_tracks(parts)
    if not pitched_solos:
        drums = [part_track(i + 1, p, TrackRole.DRUMS) for i, p in enumerate(solos)]
        return drums + keyboard_tracks(keyboard, len(drums) + 1, with_melody=True)
    melody = melody_part(solos, pitched_solos)
    tracks = [part_track(i + 1, p, TrackRole.DRUMS if p.drums else TrackRole.MELODY if i == melody else TrackRole.OTHER)
              for i, p in enumerate(solos)]
    return tracks + keyboard_tracks(keyboard, len(tracks) + 1, with_melody=False)
