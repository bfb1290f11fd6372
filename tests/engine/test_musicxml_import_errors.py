"""Bad MusicXML: every refusal is one `MusicXmlFileError` line naming the file and what is wrong."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from engine.errors import FileFormatError
from engine.musicxml_import import MusicXmlFileError, read_musicxml

FEATURES = Path(__file__).resolve().parents[1] / "data" / "musicxml" / "features.musicxml"
NOTE = "<note><pitch><step>C</step><octave>4</octave></pitch><duration>4</duration></note>"


def score(body: str, part_list: str = "<score-part id='P1'><part-name>A</part-name></score-part>") -> str:
    return f"<score-partwise><part-list>{part_list}</part-list>{body}</score-partwise>"


def part(*measures: str) -> str:
    first, *rest = measures
    return ("<part id='P1'><measure number='1'><attributes><divisions>1</divisions></attributes>" + first +
            "</measure>" + "".join(f"<measure number='{i + 2}'>{m}</measure>" for i, m in enumerate(rest)) + "</part>")


BAD_TEXT = {
    "malformed.musicxml": ("<score-partwise><part-list></score-partwise>", "not well-formed XML (mismatched tag"),
    "truncated.xml": (FEATURES.read_text()[:3000], "not well-formed XML"),
    "unknown.musicxml": (score(part("<bogus/>" + NOTE)), "part 'A', measure 1: unknown element <bogus>"),
    "no-measures.musicxml": (score("<part id='P1'/>"), "part 'A' has no measures"),
    "missing-part.musicxml": (score(part(NOTE), "<score-part id='P1'><part-name>A</part-name></score-part>"
                                                "<score-part id='P2'><part-name>Horn</part-name></score-part>"),
                              "part 'Horn' is listed but has no music"),
    "silent.musicxml": (score(part("<note><rest/><duration>4</duration></note>")),
                        "the score has no notes (every part is empty)"),
    "zero-length.musicxml": (score(part(NOTE, "<attributes><divisions>1</divisions></attributes>", NOTE)),
                             "measure 2 has no length (no notes, rests or forward in any part)"),
    "no-parts.musicxml": (score("", ""), "the score has no parts"),
    "html.xml": ("<html><body>hello</body></html>", "not a MusicXML score (the document is <html>"),
    "entities.musicxml": ('<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
                          + score(part(NOTE)), "declares XML entities"),
    "bad-duration.musicxml": (score(part(NOTE.replace("<duration>4", "<duration>four"))),
                              "measure 1: duration 'four' is not a number"),
    "bad-step.musicxml": (score(part(NOTE.replace("<step>C", "<step>H"))), "measure 1: note step 'H' is not A-G"),
    "bad-divisions.musicxml": (score(part(NOTE).replace("<divisions>1", "<divisions>0")), "divisions must be above 0"),
    "bad-octave.musicxml": (score(part(NOTE.replace("<octave>4", "<octave>x"))), "unusable content"),
    "empty.mxl": ("", "is empty"),
    "endless.musicxml": (score(part(NOTE.replace("<duration>4", "<duration>400000000"))),
                         "measure 1: duration 400000000 is 400000000 quarter notes long"),
    "bom-truncated.xml": ("\ufeff<score-partwise><part-list>", "not well-formed XML"),
}


@pytest.mark.parametrize("name", sorted(BAD_TEXT))
def test_bad_scores_are_refused_in_one_line(tmp_path, name):
    text, reason = BAD_TEXT[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MusicXmlFileError) as caught:
        read_musicxml(path)
    message = str(caught.value)
    assert isinstance(caught.value, FileFormatError)
    assert message.startswith(f"{path}: ") and reason in message and "\n" not in message


def test_zips_without_a_score_or_broken_are_refused(tmp_path):
    empty = tmp_path / "readme.mxl"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("META-INF/container.xml", "<container/>")
        archive.writestr("readme.txt", "nothing to see")
    with pytest.raises(MusicXmlFileError, match="holds no score"):
        read_musicxml(empty)
    whole = tmp_path / "whole.mxl"
    with zipfile.ZipFile(whole, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("score.xml", FEATURES.read_bytes())
    cut = tmp_path / "cut.mxl"
    cut.write_bytes(whole.read_bytes()[:400])
    with pytest.raises(MusicXmlFileError, match=r"not a readable compressed MusicXML \(\.mxl\) file"):
        read_musicxml(cut)


def test_unreadable_paths_are_refused(tmp_path):
    with pytest.raises(MusicXmlFileError, match="no such file"):
        read_musicxml(tmp_path / "nothing.musicxml")
    folder = tmp_path / "folder.mxl"
    folder.mkdir()
    with pytest.raises(MusicXmlFileError, match="is a directory"):
        read_musicxml(folder)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = tmp_path / "bomb.mxl"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("score.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 20)
            for _ in range(600):  # 600 MB of spaces, about 600 KB compressed
                member.write(chunk)
    with pytest.raises(MusicXmlFileError, match="the score inside is too large"):
        read_musicxml(bomb)
