"""The brief reader against 64 briefs written as users write them (briefs.json: 31 English, 33 Chinese).

Each brief's expectation was written from what the sentence means, attribute
by attribute; an attribute the reader invents counts as wrong (composer.brief.check).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.brief import read_brief
from composer.brief.check import misses
from composer.brief.reader import chinese_number
from composer.brief.settings import settings_from_brief

BRIEFS = json.loads((Path(__file__).with_name("briefs.json")).read_text(encoding="utf-8"))


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def test_the_set_is_half_english_half_chinese():
    chinese = sum(_is_chinese(b["text"]) for b in BRIEFS)
    assert chinese >= 30 and len(BRIEFS) - chinese >= 30


def test_at_least_95_percent_of_attributes_are_read_right():
    scored, wrong = 0, []
    for expected in BRIEFS:
        count, bad = misses(read_brief(expected["text"]), expected)
        scored += count
        wrong += [(expected["text"], *miss) for miss in bad]
    assert scored > 250
    assert 1 - len(wrong) / scored >= 0.95, "\n".join(map(str, wrong))


@pytest.mark.parametrize("text, number", [("16", 16), ("十六", 16), ("三十二", 32), ("八", 8), ("一百二十", 120),
                                          ("两", 2), ("十", 10), ("二十四", 24)])
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


def test_a_capital_letter_with_m_is_a_minor_key_but_the_word_am_is_not():
    assert (read_brief("riff in Am").tonic, read_brief("riff in Am").mode) == (9, "minor")
    assert read_brief("I am writing a calm piece").tonic is None


def test_words_it_does_not_know_are_listed_in_order_and_never_guessed():
    brief = read_brief("a zorblax ballad with quux guitars, 90 bpm, 古风 吉他")
    assert brief.not_understood == ("zorblax", "quux", "古风")
    assert brief.style == "pop" and brief.tempo == 90 and brief.instruments == ("acoustic guitar",)


@pytest.mark.parametrize("text", ["", "   ", "!!!", "999999 bpm", "0/0", "第0小节", "bar 9999", "x" * 5000,
                                  "intro 0", "C# C# C#", "。。。，，，"])
def test_odd_text_reads_without_error_and_builds_valid_settings(text):
    settings = settings_from_brief(read_brief(text))
    assert 1 <= settings.bars <= 128
    assert not settings.energy or len(settings.energy) == settings.bars


def test_an_impossible_tempo_is_listed_not_used():
    brief = read_brief("999 bpm piano")
    assert brief.tempo is None and "999 bpm" in brief.not_understood


def test_reading_is_deterministic():
    text = BRIEFS[0]["text"]
    assert read_brief(text) == read_brief(text)
