"""How loud each role is in an exported mix, before (every track at its own volume) and after the gains by role.

Renders real multi-role songs through `render_stems` (engine.audio.stems) to
24-bit files, reads them back, and measures each role's share of the mix (the
mix is the sum of the stems, so a role's stem is exactly what it adds):

- `rms`: the role's RMS over the whole song, in dBFS (what the issue quotes);
- `lead`: melody RMS minus the loudest other role, over the whole song;
- `lead_heard`: the same, but only over the 400 ms windows where the melody
  sounds (a melody that rests half the time is not quieter while it plays).

Songs: sketches composed from briefs by the shipped model (the sketchpad's own
material, all tracks at volume 100) and POP909 songs from
/work/shared/datasets (converted by composer/data/pop909.py: melody, bridge
as 'other', piano accompaniment, bass). Both soundfonts, both mixes, side by
side. Prints a table per song and one JSON line per (song, soundfont, mix).

    python benchmarks/bench_mix.py                   # 3 sketches + 2 POP909 songs
    python benchmarks/bench_mix.py --sketches 1 --pop909 0
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import soundfile

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.audio.mix import DEFAULT_MIX, MixSettings  # noqa: E402
from engine.audio.soundfonts import DEBIAN_SF2_DIR  # noqa: E402
from engine.audio.stems import render_stems  # noqa: E402
from engine.song import Song  # noqa: E402
from engine.track import TrackRole  # noqa: E402

SOUNDFONTS = {"TimGM6mb": DEBIAN_SF2_DIR / "TimGM6mb.sf2", "FluidR3": DEBIAN_SF2_DIR / "FluidR3_GM.sf2"}
MIXES = {"before": MixSettings(balance=False), "after": DEFAULT_MIX}
BRIEFS = ("pop song in C, 16 bars", "gentle folk song in G, 16 bars", "rock game theme in E minor, 16 bars")
POP909_SONGS = ("001", "002", "003")
DATASETS = Path("/work/shared/datasets")
WINDOW_SECONDS = 0.4
HEARD_DB = -50.0  # a window where the melody is louder than this is one where it sounds


def db(value: float) -> float:
    return 20 * np.log10(value) if value > 0 else -np.inf


def sketches(count: int, seed: int) -> list[tuple[str, Song]]:
    from composer.brief import read_brief
    from composer.brief.settings import settings_from_brief
    from composer.proposals.compose import compose_sketch

    songs = []
    for index in range(count):
        brief = BRIEFS[index % len(BRIEFS)]
        song = compose_sketch(settings_from_brief(read_brief(brief)), seed + index)
        songs.append((f"sketch {index + 1}: {brief!r} seed {seed + index}", song))
    return songs


def pop909(count: int) -> list[tuple[str, Song]]:
    from composer.data.pop909 import convert

    folders = [DATASETS / "pop909" / name for name in POP909_SONGS[:count]]
    return [(f"POP909 {folder.name}", convert(folder).song) for folder in folders if folder.is_dir()]


def role_levels(song: Song, soundfont: Path, mix: MixSettings, folder: Path) -> dict:
    """Each role's RMS in the exported mix, and the melody's lead, from the files `render_stems` writes."""
    result = render_stems(song, folder / "cue.wav", soundfont=soundfont, mix=mix)
    roles: dict[str, np.ndarray] = {}
    for track_id, path in result.stems:
        role = song.track(track_id).role
        role = TrackRole.DRUMS if song.track(track_id).is_drums else role
        audio, _ = soundfile.read(path, dtype="float64")
        roles[role.value] = roles.get(role.value, 0) + audio
    mix_audio, rate = soundfile.read(result.mix, dtype="float64")
    levels = {role: db(float(np.sqrt(np.mean(audio ** 2)))) for role, audio in roles.items()}
    row = {"rms": {role: round(level, 1) for role, level in levels.items()},
           "mix_rms": round(db(float(np.sqrt(np.mean(mix_audio ** 2)))), 1),
           "mix_peak": round(db(float(np.abs(mix_audio).max())), 1)}
    melody = TrackRole.MELODY.value
    if melody in roles and len(roles) > 1:
        others = {role: level for role, level in levels.items() if role != melody}
        row["lead"] = round(levels[melody] - max(others.values()), 1)
        window = round(WINDOW_SECONDS * rate)
        frames = len(mix_audio) // window * window

        def windows(audio: np.ndarray) -> np.ndarray:
            return np.sqrt(np.mean(audio[:frames].reshape(-1, window * 2) ** 2, axis=1))

        heard = windows(roles[melody]) > 10 ** (HEARD_DB / 20)
        if heard.any():
            def heard_db(audio: np.ndarray) -> float:
                return db(float(np.sqrt(np.mean(windows(audio)[heard] ** 2))))

            row["lead_heard"] = round(heard_db(roles[melody]) - max(heard_db(roles[r]) for r in others), 1)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sketches", type=int, default=3)
    parser.add_argument("--pop909", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    songs = sketches(args.sketches, args.seed) + pop909(args.pop909)
    fonts = {name: path for name, path in SOUNDFONTS.items() if path.exists()}
    summary: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for title, song in songs:
            results = {(font, mix): role_levels(song, path, MIXES[mix], Path(scratch))
                       for font, path in fonts.items() for mix in MIXES}
            columns = [(font, mix) for font in fonts for mix in MIXES]
            print(f"\n{title}  ({song.duration_seconds:.0f} s, tracks: "
                  + ", ".join(f"{t.name} [{t.role.value}, program {t.program}]" for t in song.tracks) + ")")
            print(f"{'RMS dBFS':16}" + "".join(f"{font + ' ' + mix:>18}" for font, mix in columns))
            roles = sorted({role for row in results.values() for role in row["rms"]})
            for role in roles:
                print(f"{role:16}" + "".join(f"{results[c]['rms'].get(role, float('nan')):>18.1f}" for c in columns))
            for key in ("lead", "lead_heard", "mix_rms", "mix_peak"):
                print(f"{key:16}" + "".join(f"{results[c].get(key, float('nan')):>18.1f}" for c in columns))
            for (font, mix), row in results.items():
                print(json.dumps({"song": title, "soundfont": font, "mix": mix, **row}))
                if "lead" in row:
                    summary.setdefault((font, mix), []).append((row["lead"], row.get("lead_heard", np.nan)))
    print("\nmedian melody lead over the songs (dB; whole song, where the melody sounds)")
    for (font, mix), leads in summary.items():
        whole, heard = np.median([l[0] for l in leads]), np.nanmedian([l[1] for l in leads])
        print(f"  {font:9} {mix:7} {whole:+6.1f} {heard:+6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
