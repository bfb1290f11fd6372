"""MusicXML import: what a hand-written score becomes, repeats, resolution, containers, and the round trip."""
from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from fractions import Fraction
from pathlib import Path

from engine.chords import Chord
from engine.files import load_song_file, open_song_file, save_song_file
from engine.keys import Key
from engine.musicxml import export_musicxml
from engine.musicxml_import import import_musicxml, read_musicxml
from engine.musicxml_import.reference import song_parts
from engine.timing import TimeSignature

DATA = Path(__file__).resolve().parents[1] / "data" / "musicxml"
FEATURES = DATA / "features.musicxml"
REPEATS = DATA / "repeats.musicxml"


def notes(track) -> list[tuple[int, int, int, int]]:
    return [(n.start, n.pitch, n.duration, n.velocity) for n in track.notes]


def test_every_feature_of_the_hand_written_score():
    # Quarter = 480 ticks (lcm of 480 and the score's 12 divisions). Measures: a 1-quarter pickup at 0,
    # 4/4 at 480, 3/4 at 2400 and 3840. Expected values are read off the score by hand (see its comments).
    score = import_musicxml(FEATURES)
    song = score.song
    assert song.ticks_per_quarter == 480 and song.title == "Features" and song.end_tick == 5280
    flute, clarinet, drums = song.tracks
    assert (flute.name, flute.program, flute.channel) == ("Flute", 73, 0)
    assert notes(flute) == [
        (0, 72, 480, 54),                                     # pickup C5, p
        (480, 77, 240, 54),                                   # staccato quarter: half as long
        (960, 81, 160, 54), (1120, 79, 160, 54), (1280, 77, 160, 54),  # eighth triplets, exact
        (1380, 74, 60, 54),                                   # grace: a 32nd before its note
        (1440, 76, 1440, 96),                                 # half tied over the bar line; f = sound dynamics 106.67
        (2400, 65, 1440, 96),                                 # voice 2 after <backup>
        (2880, 72, 480, 96), (2880, 76, 480, 96), (2880, 79, 480, 96),  # a chord
        (3840, 77, 1440, 45)]                                 # <note dynamics="50">
    assert (clarinet.name, clarinet.program) == ("Clarinet in B♭", 71)
    assert notes(clarinet) == [(480, 72, 1920, 80), (3840, 74, 1440, 80)]  # written D5, E5 sound a tone lower
    assert drums.is_drums and drums.channel == 9 and drums.program == 0 and drums.role.value == "drums"
    assert [(n.start, n.pitch, n.duration) for n in drums.notes] == [(480, 36, 480), (960, 38, 480),
                                                                     (1440, 36, 960), (1440, 38, 960)]
    assert song.meters == (TimeSignature(0, 1, 4), TimeSignature(480, 4, 4), TimeSignature(2400, 3, 4))
    assert [(t.tick, round(t.bpm, 3)) for t in song.tempos] == [(0, 100.0), (2400, 80.0)]
    assert [(k.tick, k.key) for k in song.keys] == [(0, Key(5, "major"))]   # F major, from the flute, not the clarinet
    assert [(c.tick, c.chord) for c in song.chords] == [(480, Chord(5)), (1440, Chord(0, "7"))]
    assert score.warnings == ()


def test_repeats_unfold_as_played_or_stay_folded():
    unfolded = import_musicxml(REPEATS)
    pitches = [n.pitch for n in unfolded.song.tracks[0].notes]
    assert pitches == [60, 62, 60, 64, 65, 67, 60, 64, 65]  # |: C |1. D :|2. E | F (Fine) | G (D.C. al Fine)
    assert [n.start for n in unfolded.song.tracks[0].notes] == [i * 1920 for i in range(9)]
    assert unfolded.warnings == ("repeats unfolded as playback plays them: 5 written measures became 9 "
                                 "(open with repeats folded to keep the written order)",)
    folded = import_musicxml(REPEATS, unfold=False)
    assert [n.pitch for n in folded.song.tracks[0].notes] == [60, 62, 64, 65, 67] and folded.warnings == ()


def _score(measures: str, divisions: int = 1, extra_parts: str = "") -> str:
    return (f"<score-partwise><part-list><score-part id='P1'><part-name>Oboe</part-name></score-part>"
            f"{extra_parts}</part-list><part id='P1'><measure number='1'><attributes><divisions>{divisions}"
            f"</divisions></attributes>{measures}</part></score-partwise>")


def test_resolution_holds_every_division_exactly(tmp_path):
    septuplet = "".join(f"<note><pitch><step>C</step><octave>5</octave></pitch><duration>4</duration></note>"
                        for _ in range(7))  # seven notes in a 4/4 bar at 7 divisions per quarter
    path = tmp_path / "seven.musicxml"
    path.write_text(_score(septuplet + "</measure>", divisions=7))
    song = read_musicxml(path)
    assert song.ticks_per_quarter == 3360  # lcm(480, 7)
    assert [(n.start, n.duration) for n in song.tracks[0].notes] == [(i * 1920, 1920) for i in range(7)]


def test_timewise_scores_and_compressed_scores_read_alike(tmp_path):
    root = ET.parse(FEATURES).getroot()
    timewise = ET.Element("score-timewise")
    for child in root:
        if child.tag != "part":
            timewise.append(child)
    parts = root.findall("part")
    for index, measure in enumerate(parts[0].findall("measure")):
        holder = ET.SubElement(timewise, "measure", measure.attrib)
        for part in parts:
            ET.SubElement(holder, "part", {"id": part.get("id")}).extend(list(part.findall("measure")[index]))
    (tmp_path / "timewise.xml").write_bytes(ET.tostring(timewise))
    with zipfile.ZipFile(tmp_path / "no-container.mxl", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inner/score.musicxml", FEATURES.read_bytes())
    with zipfile.ZipFile(tmp_path / "zip-named.musicxml", "w") as archive:  # a zip whatever its name says
        archive.writestr("META-INF/container.xml", "<container><rootfiles><rootfile full-path='a/s.xml'/>"
                                                   "</rootfiles></container>")
        archive.writestr("a/decoy.xml", "<svg/>")
        archive.writestr("a/s.xml", FEATURES.read_bytes())
    expected = read_musicxml(FEATURES)
    for name in ("timewise.xml", "no-container.mxl", "zip-named.musicxml"):
        assert read_musicxml(tmp_path / name) == expected, name


def test_a_silent_part_among_others_stays_as_an_empty_track(tmp_path):
    silent = ("<part id='P2'><measure number='1'><attributes><divisions>1</divisions></attributes>"
              "<note><rest measure='yes'/><duration>4</duration></note></measure></part>")
    text = _score("<note><pitch><step>A</step><octave>4</octave></pitch><duration>4</duration></note></measure>",
                  extra_parts="<score-part id='P2'><part-name>Tacet horn</part-name></score-part>")
    path = tmp_path / "tacet.musicxml"
    path.write_text(text.replace("</score-partwise>", silent + "</score-partwise>"))
    score = import_musicxml(path)
    assert [t.name for t in score.song.tracks] == ["Oboe", "Tacet horn"] and not score.song.tracks[1].notes
    assert "1 part(s) without notes kept as empty tracks: Tacet horn" in score.warnings


def test_chord_symbols_with_degrees_and_no_chord(tmp_path):
    note = "<note><pitch><step>G</step><octave>4</octave></pitch><duration>{}</duration></note>"
    harmonies = ("<harmony><root><root-step>G</root-step></root><kind>suspended-fourth</kind>"
                 "<degree><degree-value>7</degree-value><degree-alter>-1</degree-alter><degree-type>add</degree-type>"
                 "</degree></harmony>" + note.format(2) +
                 "<harmony><root><root-step>B</root-step><root-alter>-1</root-alter></root>"
                 "<kind>major-seventh</kind><bass><bass-step>D</bass-step></bass></harmony>" + note.format(1) +
                 "<harmony><root><root-step>C</root-step></root><kind>none</kind></harmony>" + note.format(1) +
                 "</measure>")
    path = tmp_path / "chords.musicxml"
    path.write_text(_score(harmonies))
    song = read_musicxml(path)
    assert [(c.tick, c.name) for c in song.chords] == [(0, "G7sus4"), (960, "Bbmaj7/D"), (1440, "N.C.")]
    assert song.chords[1].chord == Chord(10, "maj7", 2)


def test_score_round_trips_through_cadenza_and_musicxml(tmp_path):
    project, notes_for_user = open_song_file(FEATURES)
    assert notes_for_user == []
    skipped = save_song_file(project, tmp_path / "again.mxl")
    assert skipped == ["drum track 'Percussion' left out (MusicXML export has no drum notation; use MIDI)"]
    again = load_song_file(tmp_path / "again.mxl").song
    song = project.song
    assert song_parts(again) == song_parts(song.with_(tracks=song.tracks[:2]))  # onsets, pitches, lengths in quarters
    quarters = lambda s, events: [(Fraction(e.tick, s.ticks_per_quarter),) + rest for e, rest in events]  # noqa: E731
    assert quarters(again, [(m, (m.numerator, m.denominator)) for m in again.meters]) == \
        quarters(song, [(m, (m.numerator, m.denominator)) for m in song.meters])
    assert quarters(again, [(k, (k.key,)) for k in again.keys]) == quarters(song, [(k, (k.key,)) for k in song.keys])
    assert quarters(again, [(t, (round(t.bpm, 2),)) for t in again.tempos]) == \
        quarters(song, [(t, (round(t.bpm, 2),)) for t in song.tempos])
    assert quarters(again, [(c, (c.chord,)) for c in again.chords]) == \
        quarters(song, [(c, (c.chord,)) for c in song.chords])
    assert [t.name for t in again.tracks] == ["Flute", "Clarinet in B♭"]
    assert again.tracks[1].program == 71


def test_a_32nd_note_upbeat_keeps_its_key_and_tempo_through_export(tmp_path):
    upbeat = ("<attributes><key><fifths>2</fifths><mode>major</mode></key><time><beats>3</beats>"
              "<beat-type>4</beat-type></time></attributes><direction><direction-type><metronome><beat-unit>quarter"
              "</beat-unit><per-minute>84</per-minute></metronome></direction-type></direction>"
              "<note><pitch><step>D</step><octave>6</octave></pitch><duration>6</duration></note></measure>"
              "<measure number='2'><note><pitch><step>D</step><octave>6</octave></pitch><duration>144</duration>"
              "</note></measure>")  # Beethoven's Second opens so
    (tmp_path / "upbeat.musicxml").write_text(_score(upbeat, divisions=48))
    song = read_musicxml(tmp_path / "upbeat.musicxml")
    assert [(m.tick, str(m)) for m in song.meters] == [(0, "1/32"), (60, "3/4")]
    export_musicxml(song, tmp_path / "again.musicxml")
    again = read_musicxml(tmp_path / "again.musicxml")
    assert [k.key for k in again.keys] == [Key(2, "major")] and [round(t.bpm) for t in again.tempos] == [84]
    assert song_parts(again) == song_parts(song)
