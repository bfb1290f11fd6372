"""Live MIDI input: a keyboard played through the synth, recorded, stepped in, or mapped to actions.

`ports` holds the small port interface (a real mido/python-rtmidi port and an
in-process one that tests and a virtual keyboard feed); `devices` lists and
watches the inputs; `parse` turns raw bytes into messages; `thru` sounds what
is played with a track's instrument; `recorder` turns a performance into one
undoable edit; `step_input` adds notes one step at a time; `learn` maps knobs
and pads to named actions; `router` hands every message to all of them.
Nothing here imports Qt: the editor wires these objects to its widgets.
"""
