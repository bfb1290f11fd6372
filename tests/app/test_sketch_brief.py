"""New sketch… read from a brief: the text fills ordinary fields, the fields make the sketch (real widgets offscreen)."""
from __future__ import annotations

import pytest

from app.i18n import install_translators, remove_translators
from app.proposals.sketch import SketchDialog
from app.proposals.sketch_brief import sections_text


@pytest.fixture
def dialog(qtbot):
    dialog = SketchDialog()
    qtbot.addWidget(dialog)
    return dialog


def read(dialog, text: str) -> None:
    dialog.brief.text.setText(text)
    dialog.brief.read_button.click()


def test_a_brief_fills_the_fields_before_anything_is_composed(dialog):
    read(dialog, "tense chase in D minor, 140 bpm, strings and taiko, 32 bars, builds to a hit at bar 17")
    assert (dialog.tonic.currentText(), dialog.mode.currentData()) == ("D", "minor")
    assert dialog.tempo.value() == 140 and dialog.bars.value() == 32
    assert dialog.brief.mood.currentData() == "tense" and dialog.brief.energy.currentData() == "build"
    assert dialog.brief.hit.value() == 17
    assert dialog.brief.programs["accompaniment"].currentData() == 48 and dialog.brief.programs["bass"].currentData() == 43
    assert dialog.parts["drums"].isChecked()                  # the taiko
    assert dialog.brief.unknown.text() == "Every word understood."


def test_words_not_understood_are_listed_not_guessed(dialog):
    read(dialog, "lo-fi ballad with vaporwave pads")
    assert "lo-fi" in dialog.brief.unknown.text() and "vaporwave" in dialog.brief.unknown.text()
    assert dialog.brief.style.currentData() == "pop"


def test_the_sketch_follows_the_fields_as_the_user_changed_them(dialog):
    read(dialog, "温柔的钢琴小品，G大调，慢板，主歌4小节，副歌4小节，主歌4小节")
    assert dialog.brief.style.currentData() == "keyboard" and not dialog.parts["drums"].isChecked()
    assert dialog.bars.value() == 12
    dialog.tempo.setValue(84)                                  # the user changes a field after reading
    dialog.brief.variation.setCurrentIndex(dialog.brief.variation.findData("varied"))
    settings = dialog.request(seed=1, adventure=5, model_path=None).settings
    assert settings.tempo == 84 and settings.key.tonic == 7 and settings.variation == "varied"
    assert [(s.name, s.bars) for s in settings.sections] == [("verse", 4), ("chorus", 4), ("verse", 4)]
    assert settings.style == "keyboard" and len(settings.energy) == 12
    assert set(settings.programs.values()) == {0}


def test_choosing_a_style_by_hand_brings_its_instruments_and_parts(dialog):
    dialog.brief.style.setCurrentIndex(dialog.brief.style.findData("string_quartet"))
    dialog.brief.style.activated.emit(dialog.brief.style.currentIndex())
    assert [dialog.brief.programs[p].currentData() for p in ("melody", "bass", "accompaniment")] == [40, 42, 41]
    assert not dialog.parts["drums"].isChecked()


def test_without_a_brief_the_dialog_makes_the_sketch_it_always_made(dialog):
    settings = dialog.request(seed=1, adventure=5, model_path=None).settings
    assert settings.energy == () and settings.sections == () and settings.style is None
    assert settings.programs == {"melody": 0, "bass": 33, "accompaniment": 4}


def test_the_sections_field_reads_back_in_chinese(qapp, dialog):
    from composer.brief import read_brief

    read(dialog, "intro 4, verse 8, solo 8, chorus 8, breakdown 4, outro 4")
    english = dialog.brief.sections.text()
    install_translators(qapp, "zh_CN")
    try:
        chinese = sections_text(read_brief(english).sections)
    finally:
        remove_translators(qapp)
    assert chinese == "前奏 4，主歌 8，独奏段 8，副歌 8，过门 4，尾奏 4"
    assert read_brief(chinese).sections == read_brief(english).sections


def test_the_new_tracks_are_named_in_the_interface_language(qapp, qtbot):
    install_translators(qapp, "zh_CN")
    try:
        dialog = SketchDialog()
        qtbot.addWidget(dialog)
        names = dict(dialog.request(seed=1, adventure=5, model_path=None).track_names)
    finally:
        remove_translators(qapp)
    assert names == {"chords": "和弦", "melody": "旋律", "bass": "贝斯", "accompaniment": "伴奏", "drums": "鼓"}
