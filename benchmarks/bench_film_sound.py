"""The video's own sound against the music: where it lands (sync) and what the callback output costs.

1. Sync, offline. A clip whose soundtrack is silence with a 1 kHz burst at a
   known time is played by the real Player through OfflineOutput (the same
   block loop as the audio driver's callback). The burst's first sample in the
   output is compared with where the picture's mapping puts it, in samples:
   from the start, after a seek, on every pass of a loop, after a tempo
   change while playing, for PCM and for AAC soundtracks.
2. The callback path, real time. `DriverOutput` runs FluidSynth's driver in
   callback mode, so every period needs Python's GIL. A paced thread stands in
   for the driver: it wakes at each period's deadline, renders the period
   through `DriverOutput._render` (pump, synth, film) and records how late it
   woke, while another thread keeps the GIL busy: nothing, a pure-Python loop,
   or the real main window repainting offscreen. Lateness over the buffer
   (period x periods) is a dropout on a sound card. Also the render cost per
   period.

    .venv/bin/python benchmarks/bench_film_sound.py [--seconds 5] [--period 256] [--switch 0.005 0.001]
"""
from __future__ import annotations

import argparse
import ctypes
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from engine.audio.film_sound import FilmAudio, FilmSound  # noqa: E402
from engine.audio.output import DriverOutput, OfflineOutput  # noqa: E402
from engine.audio.player import Player  # noqa: E402
from engine.notes import Note  # noqa: E402
from engine.song import Song  # noqa: E402
from engine.timing import TempoChange  # noqa: E402
from engine.track import Track  # noqa: E402
from tests.video_clip import make_clip, tone_bursts  # noqa: E402

RATE = 44100
BURST = 1.0  # video seconds


def first_sound(audio: np.ndarray) -> list[int]:
    """Sample indices where sound starts after 10 ms of silence: a burst at sample n is found at n + 1 (its
    sine starts at 0; the next sample is 0.07)."""
    loud = np.flatnonzero(np.abs(audio[:, 0]) > 0.05)  # over AAC's pre-echo (~1e-3 some 150 samples early)
    return [int(x) for x in ([loud[0]] + [b for a, b in zip(loud, loud[1:]) if b - a > RATE // 100])] if len(loud) \
        else []


def sync(clip: Path) -> dict:
    """Burst onsets minus their expected sample, per situation (0 is exact; the sine starts at 0, so +1)."""
    song = Song(tracks=(Track(id=1),), end_tick=32 * 480, tempos=(TempoChange(0, 500_000),))
    audio = FilmAudio(clip, RATE)
    audio.wait()
    output = OfflineOutput()
    player = Player(song, output=output)
    sound = FilmSound(audio)
    player.set_film_sound(sound)
    errors = {}
    player.play(0)
    errors["from the start"] = [s - round(BURST * RATE) for s in first_sound(output.advance(1.2))]
    player.play(int(0.6 * 960))  # 0.6 s
    errors["after a seek to 0.6 s"] = [s - round(0.4 * RATE) for s in first_sound(output.advance(0.6))]
    player.stop()
    player.set_loop(int(0.9 * 960), int(1.3 * 960))  # 0.9..1.3 s: the burst 0.1 s into each pass
    player.play(0)
    heard = output.advance(1.3 + 10 * 0.4)
    errors["10 loop passes"] = [s - round((1.0 + k * 0.4) * RATE) for k, s in enumerate(first_sound(heard))]
    player.stop()
    player.set_loop(None)
    player.play(0)
    output.advance(0.5)  # tick 480; at 60 bpm it is 1.0 s, the burst
    player.set_song(Song(tracks=(Track(id=1),), end_tick=32 * 480, tempos=(TempoChange(0, 1_000_000),)))
    errors["tempo halved while playing"] = first_sound(output.advance(0.2))[:1]
    player.close()
    audio.close()
    return errors


def paced(output: DriverOutput, seconds: float, load: str, window=None) -> dict:
    """Run the callback path on a paced thread for `seconds` with `load` holding the GIL; lateness in ms."""
    period = output.period_size / RATE
    buffers = [(ctypes.c_float * output.period_size)() for _ in range(2)]
    out = (ctypes.POINTER(ctypes.c_float) * 2)(*[ctypes.cast(b, ctypes.POINTER(ctypes.c_float)) for b in buffers])
    late, cost = [], []
    done = threading.Event()

    def audio_thread() -> None:
        start = time.perf_counter()
        n = 0
        while not done.is_set():
            deadline = start + n * period
            pause = deadline - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            woke = time.perf_counter()
            late.append(max(0.0, woke - deadline))
            output._render(None, output.period_size, 0, None, 2, out)
            cost.append(time.perf_counter() - woke)
            n += 1

    def spin() -> None:
        x = 0
        while not done.is_set():
            x += 1

    thread = threading.Thread(target=audio_thread)
    thread.start()
    if load == "python loop":
        threading.Thread(target=spin, daemon=True).start()
    end = time.perf_counter() + seconds
    if load == "window repaint":
        from PySide6.QtWidgets import QApplication
        while time.perf_counter() < end:
            window.editor.roll.repaint()
            window.repaint()
            QApplication.processEvents()
    else:
        time.sleep(seconds)
    done.set()
    thread.join()
    late_ms = np.array(late) * 1000
    buffer_ms = output.period_size * output.periods / RATE * 1000
    return {"load": load, "periods": len(late), "late median ms": round(float(np.median(late_ms)), 3),
            "late p99 ms": round(float(np.percentile(late_ms, 99)), 2), "late max ms": round(float(late_ms.max()), 2),
            f"late over the buffer ({buffer_ms:.1f} ms)": int((late_ms > buffer_ms).sum()),
            "render us per period": round(float(np.median(cost)) * 1e6)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per real-time run")
    parser.add_argument("--period", type=int, default=256, help="frames per period (the MIDI preferences' setting)")
    parser.add_argument("--switch", type=float, nargs="+", default=[0.005, 0.001],
                        help="sys.setswitchinterval values to try (Python's default is 0.005)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench_film_sound_"))
    clips = {codec: make_clip(folder / f"burst{suffix}", 72, sound=tone_bursts([(BURST, 1.5, 1000.0)], 3.0),
                              sound_codec=codec) for codec, suffix in (("pcm_s16le", ".mov"), ("aac", ".mp4"))}
    for codec, clip in clips.items():
        print(json.dumps({"sync, onset error in samples": codec, **sync(clip)}))

    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    from app.main_window import MainWindow
    sys.path.insert(0, str(ROOT / "tests" / "app"))
    from editor_helpers import make_song

    window = MainWindow(make_song(), player_factory=None)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    band = Song(tracks=(Track(id=1, notes=tuple(Note(i * 240, 60 + i % 12, 200, 90) for i in range(64))),),
                end_tick=64 * 240)
    output = DriverOutput(driver="file", period_size=args.period, periods=2)  # never opened: _render is driven by hand
    player = Player(band, output=OfflineOutput())
    output._synth, output._pump, output._mix = player.synth, player.pump, player.mix
    film = FilmAudio(clips["aac"], RATE)
    film.wait()
    player.set_film_sound(FilmSound(film))
    player.set_loop(0, 64 * 240)
    for interval in args.switch:
        sys.setswitchinterval(interval)
        for load in ("none", "python loop", "window repaint"):
            output._frames = 0  # the player's origin is its offline output's clock, 0
            player.play(0)
            print(json.dumps({"switch interval s": interval, **paced(output, args.seconds, load, window)}))
            player.stop()
    sys.setswitchinterval(0.005)
    player.close()
    window.session.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
