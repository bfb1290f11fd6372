"""Project files (`.cadenza`): the song plus editor state, saved atomically, with autosave recovery.

A project file is versioned, human-readable JSON:
`{"format": "cadenza-project", "version": 7, "song": {...}, "state": {...}}`
(see engine.project.codec for every field). `RecoveryStore` in
engine.project.recovery keeps autosaves that outlive a crash.
"""
from engine.project.io import PROJECT_SUFFIX, ProjectFileError, load_project, save_project
from engine.project.model import LoopRegion, Project, ProjectState, VideoLink, ViewState
from engine.project.recovery import RecoveryEntry, RecoveryStore, default_recovery_dir

__all__ = ["PROJECT_SUFFIX", "LoopRegion", "Project", "ProjectFileError", "ProjectState", "RecoveryEntry",
           "RecoveryStore", "VideoLink", "ViewState", "default_recovery_dir", "load_project", "save_project"]
