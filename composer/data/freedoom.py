"""Freedoom's game soundtrack (General MIDI, drums on channel 10) -> Songs.

These files are sequenced by hand, and their track names and GM programs mean
something (a bass guitar patch is the bass, a pad plays chords), so each part
starts from the engine's import guess (engine.midi.roles.guess_role, what a
user importing the file would see). The ensemble rule (composer.data.ensemble)
then picks the one melody among the parts not guessed bass (the highest
mostly-monophonic, sounding part above the bass register; other
parts guessed 'melody' become 'other', like a second lead), and the bass when
no part was guessed bass. Channel 10 is drums. The files are 96-192 ticks per
quarter, 4/4 at tick 0: rescaled to 480. Licence BSD-3-Clause, authors in
CREDITS-MUSIC.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from composer.data.common import CorpusSong
from composer.data.ensemble import ensemble_roles, melody_part
from composer.data.score_midi import Part, convert_file, part_track
from engine.midi.roles import guess_role
from engine.track import Track, TrackRole

SOURCE = "freedoom"
FOLDER = "freedoom-music"
LICENCE = "BSD-3-Clause"
STYLE = "game_rock"


def files(root: Path) -> list[Path]:
    return sorted((root / FOLDER / "midi").glob("*.mid"))


def game_roles(parts: Sequence[Part]) -> list[TrackRole]:
    """The engine's guess per part, one melody by the ensemble rule, a bass if none was guessed."""
    roles = [guess_role(p.name, p.channel, p.program) for p in parts]
    pitched = [i for i, p in enumerate(parts) if not p.drums and roles[i] is not TrackRole.BASS]
    if not pitched:
        return roles
    melody = melody_part(parts, pitched)
    roles = [TrackRole.OTHER if r is TrackRole.MELODY else r for r in roles]
    roles[melody] = TrackRole.MELODY
    if TrackRole.BASS not in roles:
        ensemble = ensemble_roles(parts)
        roles = [TrackRole.BASS if e is TrackRole.BASS and i != melody else r
                 for i, (r, e) in enumerate(zip(roles, ensemble))]
    return roles


def game_tracks(parts: Sequence[Part]) -> list[Track]:
    return [part_track(i + 1, p, r) for i, (p, r) in enumerate(zip(parts, game_roles(parts)))]


def convert(root: Path, path: Path) -> CorpusSong:
    return convert_file(path, SOURCE, path.stem, game_tracks, LICENCE, STYLE, f"Freedoom {path.stem}")
