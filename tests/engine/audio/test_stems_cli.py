"""`cadenza render IN OUT.wav --stems`: the mix in OUT, each track beside it, from a real project file."""
from __future__ import annotations

import numpy as np
import soundfile

from composer.cli.main import main
from engine.audio.mix import MixSettings
from engine.project import Project, ProjectState, save_project


def cadenza(capsys, *args) -> tuple[int, str, str]:
    try:
        code = main(["render", *map(str, args)])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_stems_from_a_project_add_up_to_the_mix(band, tmp_path, capsys):
    project = tmp_path / "cue 1.cadenza"
    save_project(Project(band, ProjectState(mix=MixSettings(reverb=False))), project)
    code, out, err = cadenza(capsys, project, tmp_path / "cue 1.wav", "--stems", "--normalize")
    assert (code, err) == (0, "")
    assert out.count("\n") == 1 and "3 stems (cue 1_piano.wav, cue 1_bass.wav, cue 1_drums.wav)" in out
    assert "normalized" in out and "mix peak -1.0 dBFS" in out
    mix, rate = soundfile.read(tmp_path / "cue 1.wav", dtype="float64")
    stems = [soundfile.read(tmp_path / f"cue 1_{name}.wav", dtype="float64")[0] for name in ("piano", "bass", "drums")]
    assert rate == 44100 and all(stem.shape == mix.shape for stem in stems)
    assert np.abs(sum(stems) - mix).max() <= 4 * 2.0 ** -23


def test_dry_and_no_balance_change_the_render(band, tmp_path, capsys):
    project = tmp_path / "cue.cadenza"
    save_project(Project(band), project)
    renders = {}
    for name, flags in (("default", []), ("dry", ["--dry"]), ("plain", ["--no-balance"])):
        code, _, err = cadenza(capsys, project, tmp_path / f"{name}.wav", *flags)
        assert (code, err) == (0, "")
        renders[name] = soundfile.read(tmp_path / f"{name}.wav", dtype="float64")[0]
    assert not np.array_equal(renders["default"], renders["dry"])
    assert not np.array_equal(renders["default"], renders["plain"])


def test_every_track_muted_is_one_line_and_exit_2(band, tmp_path, capsys):
    project = tmp_path / "cue.cadenza"
    save_project(Project(band.with_(tracks=tuple(t.with_(mute=True) for t in band.tracks))), project)
    code, out, err = cadenza(capsys, project, tmp_path / "cue.wav", "--stems")
    assert (code, out) == (2, "")
    assert err == "cadenza render: no stems to export: every track is muted\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cue.cadenza"]
