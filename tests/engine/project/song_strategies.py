"""Hypothesis strategies for whole songs and projects: every field the model has, at its full range."""
from hypothesis import strategies as st

from engine.chords import QUALITIES, Chord, ChordEvent
from engine.keys import SCALES, Key, KeySignature
from engine.notes import Note
from engine.project import LoopRegion, Project, ProjectState, ViewState
from engine.song import Marker, Song
from engine.timing import TempoChange, TimeSignature
from engine.track import ControlChange, PitchBend, ProgramChange, Track, TrackRole

ticks = st.integers(0, 2_000_000)
notes = st.builds(lambda s, p, d, v, locked: Note(start=s, pitch=p, duration=d, velocity=v, locked=locked),
                  ticks, st.integers(0, 127), st.integers(0, 100_000), st.integers(1, 127), st.booleans())
chords = st.none() | st.builds(Chord, st.integers(0, 11), st.sampled_from(sorted(QUALITIES)),
                               st.none() | st.integers(0, 11), st.sampled_from([None, True, False]))
keys = st.builds(Key, st.integers(0, 11), st.sampled_from(sorted(SCALES)))


@st.composite
def tracks(draw, track_id):
    return Track(
        id=track_id, name=draw(st.text(max_size=20)), role=draw(st.sampled_from(TrackRole)),
        program=draw(st.integers(0, 127)), channel=draw(st.integers(0, 15)), volume=draw(st.integers(0, 127)),
        pan=draw(st.integers(0, 127)), mute=draw(st.booleans()), solo=draw(st.booleans()),
        notes=tuple(draw(st.lists(notes, max_size=30))),
        controls=tuple(draw(st.lists(st.builds(ControlChange, ticks, st.integers(0, 127), st.integers(0, 127)), max_size=5))),
        pitch_bends=tuple(draw(st.lists(st.builds(PitchBend, ticks, st.integers(-8192, 8191)), max_size=5))),
        program_changes=tuple(draw(st.lists(st.builds(ProgramChange, ticks, st.integers(0, 127)), max_size=3))),
        bank=draw(st.integers(0, 16383)), locked=draw(st.booleans()),
    )


@st.composite
def songs(draw):
    ids = draw(st.lists(st.integers(-5, 1000), unique=True, max_size=4))
    return Song(
        tracks=tuple(draw(tracks(track_id)) for track_id in ids),
        ticks_per_quarter=draw(st.integers(1, 32767)),
        tempos=tuple(draw(st.lists(st.builds(TempoChange, ticks, st.integers(1, 0xFFFFFF)), max_size=4))),
        meters=tuple(draw(st.lists(st.builds(TimeSignature, ticks, st.integers(1, 255),
                                             st.sampled_from([1, 2, 4, 8, 16, 32, 64])), max_size=4))),
        keys=tuple(draw(st.lists(st.builds(KeySignature, ticks, keys), max_size=3))),
        chords=tuple(draw(st.lists(st.builds(ChordEvent, ticks, chords), max_size=8))),
        markers=tuple(draw(st.lists(st.builds(Marker, ticks, st.text(max_size=12)), max_size=3))),
        title=draw(st.text(max_size=30)),
        end_tick=draw(ticks),
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20)

states = st.builds(
    ProjectState,
    loop=st.none() | st.builds(lambda a, b, on: LoopRegion(min(a, b), max(a, b) + 1, on), ticks, ticks, st.booleans()),
    soundfont=st.none() | st.text(max_size=30),
    selected_track_id=st.none() | st.integers(-5, 1000),
    view=st.builds(ViewState, st.floats(0.01, 100), st.floats(0.01, 100), ticks, st.integers(0, 127)),
    snap_ticks=st.integers(0, 1920),
    takes=st.lists(json_values, max_size=3),
)

projects = st.builds(Project, songs(), states)
