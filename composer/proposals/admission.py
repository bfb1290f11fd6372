"""Whether a request can be done at all: checked by `propose()` before the model loads or anything runs.

Two checks, each a one-line ProposalError (or engine.limits.SongTooLargeError):

The tracks fit the task.
A melody, bass line or accompaniment is pitches; a drum kit (MIDI channel 10,
a drum-kit bank, or a track whose role is drums) plays a sound per key, so
pitched material written there is noise, and drum hits written on a pitched
track are random piano notes. Both once ended in `KeyError: 'DUR_0'` deep in
decoding. The command line and the editor refuse with the same one line.

Continue stays bounded. It appends at most engine.limits' `appended_bars`
(128, the most a sketch has) at a time, and never past the song limit:
`--bars +100000` once decoded without end.
"""
from __future__ import annotations

from composer.proposals.spec import ProposalError, Region, Task
from composer.proposals.tasks import TASKS
from engine.instruments import is_drum_kit
from engine.limits import check_appended_bars
from engine.song import Song


def check_request(song: Song, region: Region, task: Task) -> None:
    """Raise a one-line error for a request that cannot be done (see the module docstring)."""
    check_tracks_fit(song, region, task)
    if TASKS[task].appends:
        check_appended_bars(song, len(region.bars))


def check_tracks_fit(song: Song, region: Region, task: Task) -> None:
    """Raise ProposalError (one line) when `task` names a part its region's tracks cannot play."""
    role = TASKS[task].role
    if role is None:
        return  # fill, continue, variations and chords keep each track's own kind
    tracks = {track.id: track for track in song.tracks}
    for track_id in region.track_ids:
        track = tracks.get(track_id)
        if track is None:
            continue  # an unknown id is the plan's to report
        drums = is_drum_kit(track) or track.is_drums
        if role == "drums" and not drums:
            raise ProposalError(f"track {track.name!r} plays pitches, not a drum kit: drums are written on a "
                                f"drum track (MIDI channel 10)")
        if role != "drums" and drums:
            raise ProposalError(f"track {track.name!r} is a drum kit: a {role} part is written on a pitched track")
