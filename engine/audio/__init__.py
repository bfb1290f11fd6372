"""Audio: one event schedule, played live or rendered to a file through FluidSynth.

`schedule` turns a song into timed synth events; `render` pulls samples for
them offline as fast as the CPU allows; `player` sends the same events in real
time to an audio output. Because both consume the one schedule, what you hear
in the editor is what you export. `soundfonts` finds the instrument samples.
"""
