"""Corpus v2: Lieder, orchestra, quartets, Mutopia and Freedoom conversions on real files."""
import pytest

from composer.data import freedoom, lieder, mutopia, orchestra, quartets
from composer.data.common import TICKS_PER_QUARTER
from composer.data.score_midi import bar_pieces, vocab_meter
from composer.data.split import work_of
from composer.data.texture import BASS_SPLIT_PITCH
from composer.tokens import decode, encode, song_grid
from composer.tokens.vocab import MAX_TRACKS, STYLES
from engine.midi import read_midi
from engine.track import DRUM_CHANNEL, TrackRole

LIEDER_SONG = "Gounod,_Charles/6_Mélodies/4_Chant_d’automne/lc5079391"
QUARTET = "Brahms,_Johannes/String_Quartet_No.3,_Op.67"
SYMPHONY = "Brahms,_Johannes/Symphony_No.2,_Op.73"


@pytest.fixture(scope="module")
def lied(datasets):
    return lieder.convert(datasets, datasets / "openscore-lieder" / "midi" / f"{LIEDER_SONG}.mid")


@pytest.fixture(scope="module")
def quartet(datasets):
    return quartets.convert(datasets, datasets / "openscore-stringquartets" / "midi" / QUARTET / "sq8928855.mid")


@pytest.fixture(scope="module")
def movements(datasets):
    folder = datasets / "openscore-orchestra" / "midi" / SYMPHONY
    return [orchestra.convert(datasets, folder / str(n) / f"Brahms_Op.73_{n}.mid") for n in (1, 3)]


@pytest.fixture(scope="module")
def keyboard_piece(datasets):
    return mutopia.convert(datasets, datasets / "mutopia" / "midi" / "FosterSC" / "hardtimes" / "hardtimes-1.mid")


@pytest.fixture(scope="module")
def game_song(datasets):
    return freedoom.convert(datasets, datasets / "freedoom-music" / "midi" / "d_fdmrdm.mid")


def _roles(song):
    return [t.role for t in song.tracks]


def test_lied_voice_is_melody_and_piano_staves_merge_into_bass_and_accompaniment(lied, datasets):
    song = lied.song
    assert _roles(song) == [TrackRole.MELODY, TrackRole.BASS, TrackRole.ACCOMPANIMENT]
    source = read_midi(datasets / "openscore-lieder" / "midi" / f"{LIEDER_SONG}.mid")
    voice, *piano = [t for t in source.tracks if t.notes]
    assert len(piano) == 2  # MuseScore wrote the piano's two staves as two tracks
    melody, bass, accompaniment = song.tracks
    assert melody.program == voice.program and len(melody.notes) == len(voice.notes)
    assert len(bass.notes) + len(accompaniment.notes) == sum(len(t.notes) for t in piano)
    # The bass is the lowest line: below G3, and nothing struck with a bass note lies under it.
    assert all(n.pitch < BASS_SPLIT_PITCH for n in bass.notes)
    lowest = {}
    for n in accompaniment.notes:
        lowest[n.start] = min(lowest.get(n.start, 128), n.pitch)
    assert all(lowest.get(n.start, 128) > n.pitch for n in bass.notes)
    assert lied.style == "art_song" and lied.licence == "CC0-1.0"


def test_quartet_first_violin_is_melody_and_cello_is_bass(quartet):
    violin1, violin2, viola, cello = quartet.song.tracks
    assert [t.program for t in (violin1, violin2, viola, cello)] == [40, 40, 41, 42]
    assert _roles(quartet.song) == [TrackRole.MELODY, TrackRole.ACCOMPANIMENT, TrackRole.ACCOMPANIMENT, TrackRole.BASS]
    assert quartet.style == "string_quartet" and quartet.song_id == QUARTET


def test_orchestra_keeps_every_part_and_movements_share_a_side(movements):
    for movement in movements:
        song = movement.song
        assert len(song.tracks) > MAX_TRACKS  # windows take 8 of them
        assert _roles(song).count(TrackRole.MELODY) == 1 and _roles(song).count(TrackRole.BASS) == 1
        bass = next(t for t in song.tracks if t.role is TrackRole.BASS)
        assert bass.program == 43  # the contrabasses
        assert movement.style == "orchestral"
    assert len({m.split for m in movements}) == 1
    assert work_of("orchestra", movements[0].song_id) == SYMPHONY


def test_mutopia_keyboard_piece_splits_into_melody_bass_and_style(keyboard_piece):
    song = keyboard_piece.song
    assert TrackRole.MELODY in _roles(song) and TrackRole.BASS in _roles(song)
    melody = next(t for t in song.tracks if t.role is TrackRole.MELODY)
    starts = [n.start for n in melody.notes]
    assert len(starts) == len(set(starts))  # one line: one note per onset
    assert keyboard_piece.style == "keyboard" and keyboard_piece.licence == "public domain"
    assert mutopia.licence("Creative Commons Attribution-ShareAlike 3.0") == "CC-BY-SA-3.0"
    assert mutopia.licence("licenses/by/3.0") == "CC-BY-3.0"
    assert mutopia.style("orchestra: oboes, horns, violins") == "orchestral"


def test_mutopia_drops_part_extracts_beside_a_full_score(tmp_path):
    folder = tmp_path / "mutopia" / "midi" / "X" / "piece"
    folder.mkdir(parents=True)
    for name in ("piece.mid", "piece-part-violin.mid", "other-1.mid"):
        (folder / name).write_bytes(b"")
    assert [p.name for p in mutopia.files(tmp_path)] == ["other-1.mid", "piece.mid"]


def test_mutopia_files_of_one_piece_share_a_side(datasets):
    paths = [p for p in mutopia.files(datasets) if mutopia.work_id(datasets, p) == "SardainL/petitefille/petitefille-lys"]
    assert len(paths) > 2
    assert len({mutopia.convert(datasets, p).split for p in paths[:3]}) == 1


def test_freedoom_drums_bass_and_one_melody(game_song):
    song = game_song.song
    drums = [t for t in song.tracks if t.role is TrackRole.DRUMS]
    assert len(drums) == 1 and drums[0].channel == DRUM_CHANNEL
    assert _roles(song).count(TrackRole.MELODY) == 1
    assert next(t for t in song.tracks if t.role is TrackRole.MELODY).name == "Solo Vox"
    assert all(t.role is TrackRole.BASS for t in song.tracks if "Bs." in t.name)
    assert game_song.style == "game_rock" and game_song.licence == "BSD-3-Clause"


def test_meters_the_tokens_lack_become_bars_they_have(datasets):
    assert vocab_meter(8, 8) == (4, 4) and vocab_meter(6, 16) == (3, 8) and vocab_meter(3, 4) == (3, 4)
    assert bar_pieces(9, 4) == [(5, 4), (4, 4)] and bar_pieces(27, 8) == [(9, 8)] * 3
    assert bar_pieces(5, 16) == [(5, 16)]  # no whole number of eighths: left as it is
    # Beethoven 5/I has one 10/4 bar (bar 392): two 5/4 bars now, so the movement tokenizes.
    path = datasets / "openscore-orchestra" / "midi" / "Beethoven,_Ludwig_van" / "Symphony_No.5,_Op.67" / "1"
    song = orchestra.convert(datasets, path / "Beethoven_Op.67_1.mid").song
    assert (5, 4) in {(m.numerator, m.denominator) for m in song.meters}
    assert song_grid(song, [t.id for t in song.tracks[:MAX_TRACKS]]).bar_count > 500


def test_a_pickup_of_no_whole_eighth_is_padded_to_one(datasets):
    """Heimweh I starts with a 1/16 pickup: silence before it makes a 1/8 bar, the rest moves by a 16th."""
    path = datasets / "openscore-lieder" / "midi" / "Brahms,_Johannes" / "9_Lieder_und_Gesänge,_Op.63"
    song = lieder.convert(datasets, path / "7_Heimweh_I" / "lc5936324.mid").song
    source = read_midi(path / "7_Heimweh_I" / "lc5936324.mid")
    assert (source.meters[0].numerator, source.meters[0].denominator) == (1, 16)
    assert (song.meters[0].numerator, song.meters[0].denominator) == (1, 8)
    sixteenth = TICKS_PER_QUARTER // 4
    first = min(n.start for t in source.tracks for n in t.notes)
    assert min(n.start for t in song.tracks for n in t.notes) == first + sixteenth
    assert song.meters[1].tick == 2 * sixteenth
    song_grid(song)  # tokenizable now


@pytest.fixture(params=["lied", "quartet", "movements", "keyboard_piece", "game_song"])
def corpus_song(request):
    value = request.getfixturevalue(request.param)
    return value[0] if isinstance(value, list) else value


def test_480_tpq_bars_key_style_and_token_round_trip(corpus_song):
    song = corpus_song.song
    assert song.ticks_per_quarter == TICKS_PER_QUARTER and song.meters and song.keys and song.tempos
    assert corpus_song.style in STYLES
    grid = song_grid(song, [t.id for t in song.tracks[:MAX_TRACKS]])
    bars = range(0, min(16, grid.bar_count))
    decoded = decode(encode(grid, bars=bars)).grid()
    assert decoded.cells == grid.cells[:len(bars)]
    assert [lane.role for lane in decoded.lanes] == [lane.role for lane in grid.lanes]
