"""MIDI thru latency: how long a played message takes from arrival to the FluidSynth call.

Feeds a keyboard-like stream (dense chords with velocity-0 releases, sustain
pedal, pitch-wheel sweeps) of real mido messages through the real path: an
in-process port stamps each message on arrival exactly as the rtmidi port does,
`LiveInput` dispatches it (MIDI learn with a few bindings first, as in the app)
and `MidiThru` calls a real FluidSynth. The synth's entry points are wrapped
to stamp the moment they are entered and left. Reported per scenario, in
microseconds: arrival -> synth call entered (our processing) and arrival ->
synth call returned (ours plus FluidSynth's own work and its lock).

Scenarios, side by side in one run because this machine is noisy:
  direct      the floor: stamp, then call the synth, no port and no thru
  idle        the thru path, nothing else running
  rendering   the thru path while another thread pulls 256-frame blocks at
              real-time pace, as an audio driver does (FluidSynth's API lock
              is contended then)
No sound card is used. Target: p99 of arrival -> call < 1 ms.

    .venv/bin/python benchmarks/bench_midi_thru.py [--messages 10000] [--interval-us 300] [--soundfont PATH]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mido
import numpy as np

from engine.audio.soundfonts import find_soundfont
from engine.audio.synth import Synth
from engine.live.learn import Binding, MidiLearn
from engine.live.ports import VirtualBackend
from engine.live.router import LiveInput
from engine.live.thru import MidiThru
from engine.track import Track

CHORDS = ((48, 55, 60, 64, 67), (45, 52, 57, 60, 64), (41, 48, 53, 57, 60), (43, 50, 55, 59, 62))
TARGET_P99_US = 1000.0


def keyboard_stream(count: int) -> list[mido.Message]:
    """`count` messages of a pianist: chords pressed and released (note-on velocity 0), pedal, bends."""
    messages: list[mido.Message] = []
    i = 0
    while len(messages) < count:
        chord = CHORDS[i % len(CHORDS)]
        messages.append(mido.Message("control_change", control=64, value=127))
        messages += [mido.Message("note_on", note=p, velocity=60 + (p * 7 + i) % 60) for p in chord]
        messages += [mido.Message("pitchwheel", pitch=(k * 1000) % 8000) for k in range(4)]
        messages += [mido.Message("note_on", note=p, velocity=0) for p in chord]
        messages.append(mido.Message("control_change", control=64, value=0))
        i += 1
    return messages[:count]


class TimedSynth(Synth):
    """The real synth, stamping when each call is entered and when it returns."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.entered: list[float] = []
        self.returned: list[float] = []

    def _timed(self, call, *args) -> None:
        self.entered.append(time.perf_counter())
        call(*args)
        self.returned.append(time.perf_counter())

    def note_on(self, channel, pitch, velocity):
        self._timed(super().note_on, channel, pitch, velocity)

    def note_off(self, channel, pitch):
        self._timed(super().note_off, channel, pitch)

    def apply(self, event):
        self._timed(super().apply, event)

    def reset_marks(self) -> None:
        self.entered.clear()
        self.returned.clear()


class RealTimePull:
    """A thread that pulls 256-frame blocks at real-time pace, like FluidSynth's audio driver."""

    def __init__(self, synth: Synth, block: int = 256) -> None:
        self.synth, self.block = synth, block
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        buffer_seconds = self.block / self.synth.settings.sample_rate
        buffer = np.zeros((self.block, 2), dtype=np.float32)
        due = time.perf_counter()
        while not self._stop.is_set():
            self.synth.write(buffer)
            due += buffer_seconds
            time.sleep(max(0.0, due - time.perf_counter()))

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def wait_until(deadline: float) -> None:
    """Sleep most of the gap, spin the rest: messages arrive on time without burning a core throughout."""
    gap = deadline - time.perf_counter()
    if gap > 0.0002:
        time.sleep(gap - 0.0002)
    while time.perf_counter() < deadline:
        pass


def stats(delays_us: list[float]) -> dict[str, float]:
    ordered = sorted(delays_us)
    return {"median": round(statistics.median(ordered), 2),
            "p99": round(ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 2),
            "max": round(ordered[-1], 2)}


def run_thru(synth: TimedSynth, messages: list[mido.Message], interval: float) -> dict[str, dict[str, float]]:
    arrivals: list[float] = []

    def clock() -> float:
        now = time.perf_counter()
        arrivals.append(now)
        return now

    backend = VirtualBackend(clock=clock)
    keyboard = backend.plug("bench keyboard")
    learn = MidiLearn(lambda action, value: None)
    for number, action in ((21, "adventurousness"), (22, "temperature"), (23, "density")):
        learn.bind(Binding(action, "cc", number))
    thru = MidiThru(synth)
    live = LiveInput(backend, thru=thru, learn=learn)
    thru.set_track(Track(id=1, program=0))
    live.connect("bench keyboard")
    synth.reset_marks()
    start = time.perf_counter()
    for i, message in enumerate(messages):
        wait_until(start + i * interval)
        keyboard.send(message)
    live.disconnect()
    count = len(arrivals)
    return {"arrival_to_call_us": stats([(e - a) * 1e6 for a, e in zip(arrivals, synth.entered[:count])]),
            "arrival_to_return_us": stats([(r - a) * 1e6 for a, r in zip(arrivals, synth.returned[:count])])}


def run_direct(synth: TimedSynth, messages: list[mido.Message], interval: float) -> dict[str, dict[str, float]]:
    synth.reset_marks()
    arrivals = []
    start = time.perf_counter()
    for i, message in enumerate(messages):
        wait_until(start + i * interval)
        arrivals.append(time.perf_counter())
        if message.type == "note_on":
            synth.note_on(0, message.note, message.velocity) if message.velocity else synth.note_off(0, message.note)
        else:
            synth.note_off(0, 0)  # a call of the same cost class for controllers and bends
    return {"arrival_to_call_us": stats([(e - a) * 1e6 for a, e in zip(arrivals, synth.entered)]),
            "arrival_to_return_us": stats([(r - a) * 1e6 for a, r in zip(arrivals, synth.returned)])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--interval-us", type=float, default=300.0, help="time between messages")
    parser.add_argument("--soundfont", default=None)
    args = parser.parse_args()
    soundfont = find_soundfont(args.soundfont)
    messages = keyboard_stream(args.messages)
    interval = args.interval_us / 1e6
    synth = TimedSynth(soundfont, 256)
    try:
        results = {"direct": run_direct(synth, messages, interval), "idle": run_thru(synth, messages, interval)}
        with RealTimePull(synth):
            results["rendering"] = run_thru(synth, messages, interval)
    finally:
        synth.close()
    worst = max(r["arrival_to_call_us"]["p99"] for name, r in results.items() if name != "direct")
    print(json.dumps({
        "benchmark": "midi_thru", "messages": len(messages), "interval_us": args.interval_us,
        "soundfont": soundfont.name, "scenarios": results,
        "thru_over_direct_median_ratio": round(results["idle"]["arrival_to_call_us"]["median"]
                                               / max(results["direct"]["arrival_to_call_us"]["median"], 1e-9), 1),
        "target_p99_us": TARGET_P99_US, "meets_target": worst < TARGET_P99_US,
    }, indent=1))


if __name__ == "__main__":
    main()
