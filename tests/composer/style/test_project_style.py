"""The learned style a project's proposals use is saved with the project (format 6) and read back; older files
read with none."""
from __future__ import annotations

import json

from engine.project import Project, load_project, save_project
from engine.project.model import ProjectState


def test_the_style_survives_a_save_and_a_load(tmp_path):
    path = tmp_path / "song.cadenza"
    save_project(Project(state=ProjectState(style="My cues")), path)
    assert json.loads(path.read_text())["state"]["style"] == "My cues"
    assert load_project(path).state.style == "My cues"


def test_a_format_5_file_reads_with_no_style(tmp_path):
    path = tmp_path / "old.cadenza"
    save_project(Project(), path)
    document = json.loads(path.read_text())
    document["version"] = 5
    del document["state"]["style"]
    document["state"]["locks"] = {"tracks": [], "notes": {}}   # beside the song until format 7
    path.write_text(json.dumps(document))
    assert load_project(path).state.style is None
