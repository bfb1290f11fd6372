"""From a brief to sketch settings: defaults from style and mood, instruments to parts, sections, energy."""
from __future__ import annotations

import pytest

from composer.brief import read_brief
from composer.brief.settings import SketchSettings, settings_from_brief
from composer.brief.styles import STYLE_DEFAULTS
from composer.proposals.spec import ProposalError


def test_a_mood_brings_its_mode_and_tempo_where_the_brief_gives_none():
    settings = settings_from_brief(read_brief("a sad little piece"))
    assert settings.key.mode == "minor" and settings.tempo < 80


def test_what_the_brief_says_beats_what_the_mood_implies():
    settings = settings_from_brief(read_brief("sad piece in C major at 120 bpm"))
    assert (settings.key.tonic, settings.key.mode, settings.tempo) == (0, "major", 120)


def test_a_style_brings_its_instrumentation_and_parts():
    settings = settings_from_brief(read_brief("string quartet"))
    assert settings.style == "string_quartet"
    assert "drums" not in settings.parts
    assert settings.programs == STYLE_DEFAULTS["string_quartet"].programs


def test_named_instruments_take_their_parts_and_a_string_section_plays_the_bass_on_contrabasses():
    settings = settings_from_brief(read_brief("tense chase, strings and taiko"))
    assert settings.programs["accompaniment"] == 48 and settings.programs["bass"] == 43
    assert "drums" in settings.parts   # the taiko asks for a percussion part


def test_a_duet_without_a_style_has_no_drum_kit():
    settings = settings_from_brief(read_brief("piano and cello, gentle"))
    assert "drums" not in settings.parts
    assert settings.programs["bass"] == 42 and settings.programs["accompaniment"] == 0


def test_no_drums_and_melody_only():
    assert "drums" not in settings_from_brief(read_brief("pop song, no drums")).parts
    assert settings_from_brief(read_brief("melody only, 8 bars")).parts == ("melody",)


def test_sections_fill_the_stated_length_and_say_so_when_fitted():
    settings = settings_from_brief(read_brief("intro 4, verse 8, chorus 8, 24 bars"))
    assert [(s.name, s.first_bar, s.bars) for s in settings.sections] == [("intro", 0, 4), ("verse", 4, 8),
                                                                            ("chorus", 12, 12)]
    assert settings.notes


def test_sections_without_a_total_make_the_length():
    settings = settings_from_brief(read_brief("前奏4小节，主歌8小节，副歌8小节"))
    assert settings.bars == 20 and not settings.notes


def test_the_energy_peaks_at_the_hit_and_rises_before_it():
    settings = settings_from_brief(read_brief("builds to a hit at bar 17, 32 bars"))
    energy = settings.energy
    assert max(energy) == energy[16] == 1.0
    assert all(a <= b for a, b in zip(energy[:16], energy[1:17]))
    assert energy[-1] < energy[16]


def test_a_stated_shape_reaches_the_high_band_even_from_a_calm_start():
    for text in ("calm, builds, 8 bars", "rises and falls, 16 bars"):
        energy = settings_from_brief(read_brief(text)).energy
        assert max(energy) > 0.7 and min(energy) < 0.4, text


def test_a_chorus_is_more_intense_than_a_verse():
    settings = settings_from_brief(read_brief("verse 8, chorus 8"))
    assert min(settings.energy[8:]) > max(settings.energy[:8])


def test_a_brief_that_says_nothing_of_energy_leaves_it_to_the_model():
    assert settings_from_brief(read_brief("16 bars in G")).energy == ()


def test_changing_the_length_refits_sections_and_energy():
    settings = settings_from_brief(read_brief("verse 8, chorus 8")).with_bars(20)
    assert settings.bars == 20 and len(settings.energy) == 20 and sum(s.bars for s in settings.sections) == 20


@pytest.mark.parametrize("changes", [{"bars": 0}, {"bars": 4, "energy": (0.5,) * 3}, {"variation": "wild"},
                                     {"parts": ("melody", "solo")}, {"parts": ()}])
def test_inconsistent_settings_are_refused_in_one_line(changes):
    with pytest.raises(ProposalError) as error:
        SketchSettings(**changes)
    assert "\n" not in str(error.value)
