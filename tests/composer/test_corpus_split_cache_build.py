"""The fixed validation split, the per-source cache and the build CLI."""
import json

from composer.data import split
from composer.data.build import main
from composer.data.cache import cache_key, load_source


def test_split_file_is_the_written_down_hash_rule():
    listed = [line for line in split.SPLIT_FILE.read_text().splitlines() if line and not line.startswith("#")]
    assert len(listed) > 100
    for key in listed:
        source, song_id = key.split(":", 1)
        assert split.hashed_is_validation(source, song_id)
        assert split.split_of(source, song_id) == "validation"


def test_about_five_percent_of_pop909_is_held_out(datasets):
    ids = [d.name for d in (datasets / "pop909").iterdir() if d.name.isdigit()]
    held = [i for i in ids if split.split_of("pop909", i) == "validation"]
    assert 0.03 < len(held) / len(ids) < 0.07
    assert split.split_of("groove", "anything", published="test") == "validation"


def test_cache_is_reused_and_keyed_by_the_limit(datasets, tmp_path):
    first = load_source("pop909", datasets, limit=2, cache_dir=tmp_path)
    again = load_source("pop909", datasets, limit=2, cache_dir=tmp_path)
    assert not first.cached and again.cached
    assert [s.song for s in again.songs] == [s.song for s in first.songs]
    assert cache_key("pop909", datasets, 2) != cache_key("pop909", datasets, 3)
    (cached_file,) = tmp_path.glob("pop909-limit2-*.pkl")
    cached_file.write_bytes(b"not a pickle")
    assert not load_source("pop909", datasets, limit=2, cache_dir=tmp_path).cached  # rebuilt, not trusted


def test_build_prints_counts_per_source(datasets, tmp_path, capsys):
    assert main(["--datasets", str(datasets), "--limit", "2", "--cache-dir", str(tmp_path),
                 "--sources", "groove", "nottingham"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"groove", "nottingham"}
    for counts in report.values():
        assert counts["songs"] == 2 and counts["failed"] == 0 and counts["unencodable"] == 0
        assert counts["tokens"] > counts["bars"] > 0


def test_a_new_full_build_replaces_the_old_one(datasets, tmp_path, monkeypatch):
    from dataclasses import replace

    from composer.data import cache
    stale = tmp_path / "groove-0000000000000000.pkl"
    stale.write_bytes(b"an older converter's output")
    limited = tmp_path / "groove-limit5-0000000000000000.pkl"
    limited.write_bytes(b"a quick run's output")
    rows = cache.SOURCES["groove"].items(datasets)[:1]
    monkeypatch.setitem(cache.SOURCES, "groove", replace(cache.SOURCES["groove"], items=lambda root: rows))
    assert len(load_source("groove", datasets, cache_dir=tmp_path).songs) == 1
    assert not stale.exists() and limited.exists()
