"""A sketch with sections and an energy curve (compose_sketch) with a real tiny model."""
from __future__ import annotations

from dataclasses import replace

from composer.brief import read_brief
from composer.brief.settings import settings_from_brief
from composer.proposals.compose import compose_sketch


def _bar_notes(song, track, first_bar: int, bars: int) -> list[tuple[int, int, int]]:
    """(start relative to the passage, pitch, duration) of a track's notes in bars first..first+bars-1."""
    start, end = song.meter_map.bar_range(first_bar, first_bar + bars - 1)
    return [(n.start - start, n.pitch, n.duration) for n in track.notes_between(start, end)]


def _sections_song(tiny_model, variation: str):
    settings = replace(settings_from_brief(read_brief("verse 4, chorus 4, verse 4 in A minor")), variation=variation)
    return settings, compose_sketch(settings, seed=3, model=tiny_model)


def test_a_repeated_section_comes_back_exactly(tiny_model):
    settings, song = _sections_song(tiny_model, "exact")
    assert [s.name for s in settings.sections] == ["verse", "chorus", "verse"]
    for track in song.tracks:
        first, again = _bar_notes(song, track, 0, 4), _bar_notes(song, track, 8, 4)
        assert first and first == again, track.name
    chords = [(c.tick % song.meter_map.bar_start(1), c.chord) for c in song.chords]
    assert chords  # the chord lane was written and repeats with the section
    start_again = song.meter_map.bar_start(8)
    assert song.chord_at(start_again).chord == song.chord_at(0).chord


def test_a_varied_repeat_keeps_its_start_and_writes_its_last_bars_anew(tiny_model):
    settings, song = _sections_song(tiny_model, "varied")
    for track in song.tracks:
        assert _bar_notes(song, track, 0, 2) == _bar_notes(song, track, 8, 2), track.name
    differs = [t.name for t in song.tracks if _bar_notes(song, t, 2, 2) != _bar_notes(song, t, 10, 2)]
    assert differs, "every part came back unchanged at the end of the varied verse"


def test_energy_sets_density_and_velocity_bar_by_bar(tiny_model):
    settings = settings_from_brief(read_brief("calm, builds to a hit at bar 8, 8 bars, piano and drums"))
    song = compose_sketch(settings, seed=5, model=tiny_model)
    calm, intense = range(0, 3), range(6, 8)
    assert settings.energy[7] == 1.0 and settings.energy[0] < 0.4

    def mean_velocity(bars):
        velocities = [n.velocity for t in song.tracks for b in bars for n in t.notes_between(*song.meter_map.bar_range(b, b))]
        return sum(velocities) / len(velocities)

    def notes(bars):
        return sum(len(t.notes_between(*song.meter_map.bar_range(b, b))) for t in song.tracks for b in bars) / len(bars)

    assert mean_velocity(intense) > mean_velocity(calm)
    assert notes(intense) > notes(calm)


def test_the_brief_instrumentation_reaches_the_tracks(tiny_model):
    settings = settings_from_brief(read_brief("string quartet, 4 bars"))
    song = compose_sketch(settings, seed=1, model=tiny_model)
    programs = {t.role.value: t.program for t in song.tracks}
    assert programs == {"melody": 40, "bass": 42, "accompaniment": 41}
    assert song.meter_map.bar_count(song.end_tick) == 4
