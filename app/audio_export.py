"""Export audio (WAV/FLAC) off the UI thread, with a progress bar and a Cancel button.

The song snapshot is immutable, so the worker thread can render it while the
user keeps editing. The engine renderer writes atomically: a cancelled or
failed export leaves no partial file, and the result (or the one-line reason it
failed) comes back to the UI thread through a signal.

Exports are peak-normalized to -1 dBFS unless the user turned that off (the
File menu's check item, remembered in the settings as `export/normalize_audio`):
the synth plays at a level safe for live playback, which leaves a file near
-15 dBFS, too quiet to share.

Exports use the project's mix (gains by role, reverb, chorus; app.mix_settings).
`RenderThread.render` and `summary` are what a kind of export does; the stems
export (app.stems_dialog) overrides just those two and reuses the rest.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.dialogs import set_up_progress
from app.settings import settings
from app.i18n import fill
from engine.errors import CadenzaError
from engine.song import Song

PROGRESS_STEPS = 1000
NORMALIZE_KEY = "export/normalize_audio"


def normalize_preference() -> bool:
    """Whether audio exports are normalized (on unless the user turned it off)."""
    return str(settings().value(NORMALIZE_KEY, True)).lower() in ("true", "1")


def set_normalize_preference(on: bool) -> None:
    store = settings()
    store.setValue(NORMALIZE_KEY, bool(on))
    store.sync()


class RenderThread(QThread):
    progressed = Signal(int)  # 0..PROGRESS_STEPS
    done = Signal(bool, str)  # ok, message

    def __init__(self, song: Song, path: str, soundfont: str | None = None, parent=None,
                 normalize: bool = True, mix=None, sample_rate: int = 44100) -> None:
        super().__init__(parent)
        self.song = song
        self.path = path
        self.soundfont = soundfont
        self.normalize = normalize
        self.mix = mix  # engine.audio.mix.MixSettings; None renders unbalanced with the synth's effects
        self.sample_rate = sample_rate
        self.cancelled = False
        self.result = None  # the engine's result once it succeeded

    def render(self, progress, cancel):
        """Do the export in this thread; returns the engine's result."""
        from engine.audio.render import render_song

        return render_song(self.song, self.path, self.soundfont, sample_rate=self.sample_rate, progress=progress,
                           cancel=cancel, normalize=self.normalize, mix=self.mix)

    def run(self) -> None:
        from engine.audio.errors import RenderCancelled

        try:
            result = self.render(lambda f: self.progressed.emit(int(f * PROGRESS_STEPS)), lambda: self.cancelled)
        except RenderCancelled:
            self.done.emit(False, self.tr("Export cancelled"))
        except (CadenzaError, OSError) as error:
            self.done.emit(False, str(error))
        else:
            self.result = result
            self.done.emit(True, self.summary(result))

    def summary(self, result) -> str:
        """'Exported song.wav (12.0 s of audio, normalized +14.2 dB, peak -1.0 dBFS)', in the interface language."""
        from engine.audio.render import SILENCE_DB

        if result.peak_db < SILENCE_DB:
            level = self.tr("silent, not normalized") if result.normalized else self.tr("silent")
        elif result.normalized:
            level = fill(self.tr("normalized %1 dB, peak %2 dBFS"), f"{result.gain_db:+.1f}", f"{result.peak_db:.1f}")
        else:
            level = fill(self.tr("peak %1 dBFS"), f"{result.peak_db:.1f}")
        return fill(self.tr("Exported %1 (%2 s of audio, %3)"), Path(self.path).name, f"{result.seconds:.1f}", level)


class AudioExport(QProgressDialog):
    """The progress dialog that owns one render; `finished_with(ok, message)` reports the end."""

    finished_with = Signal(bool, str)
    thread_class = RenderThread

    def __init__(self, song: Song, path: str, parent: QWidget | None = None, soundfont: str | None = None,
                 normalize: bool = True, mix=None, sample_rate: int = 44100) -> None:
        super().__init__(parent)
        label = fill(self.tr("Rendering %1…"), Path(path).name)
        set_up_progress(self, self.title(), label, PROGRESS_STEPS, shown_after_ms=0)
        self.thread = self.thread_class(song, path, soundfont, self, normalize, mix, sample_rate)
        self.thread.progressed.connect(self._progress)
        self.last_progress = 0
        self.thread.done.connect(self._done)
        self.canceled.connect(self._cancel)

    def title(self) -> str:
        return self.tr("Export audio")

    def start(self) -> None:
        self.setValue(0)
        self.show()
        self.thread.start()

    def _progress(self, value: int) -> None:
        self.last_progress = value
        self.setValue(value)

    def _cancel(self) -> None:
        self.thread.cancelled = True

    def _done(self, ok: bool, message: str) -> None:
        self.thread.wait()
        self.finished_with.emit(ok, message)
        self.close()
