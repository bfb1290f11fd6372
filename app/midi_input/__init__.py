"""The editor's MIDI keyboard: device choice, thru, recording, step input and MIDI learn.

Each file wires one engine.live piece to Qt: `preferences` (QSettings),
`devices` (the watcher thread and the open input), `thru_link` (the synth
follows the selected track), `recording`, `step_mode`, `learn` (actions and
their dialog), `call_response` (the model answers a recorded phrase, through
the proposal controller), `toolbar` (the MIDI menu and toolbar) and
`midi_input`, which assembles them for the main window. Messages arrive on the MIDI driver's
thread; only thru and the recorder's append run there, everything that touches
the document is sent to the UI thread through a queued Qt signal.
"""
