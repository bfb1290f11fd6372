"""Project files (`.cadenza`): the song plus editor state, saved atomically, with autosave recovery.

A project file is versioned, human-readable JSON:
`{"format": "cadenza-project", "version": 1, "song": {...}, "state": {...}}`
(see engine.project.codec for every field). `RecoveryStore` in
engine.project.recovery keeps autosaves that outlive a crash.
"""
from engine.project.io import PROJECT_SUFFIX, ProjectFileError, load_project, save_project
from engine.project.model import LoopRegion, Project, ProjectState, ViewState

__all__ = ["PROJECT_SUFFIX", "LoopRegion", "Project", "ProjectFileError", "ProjectState", "ViewState",
           "load_project", "save_project"]
