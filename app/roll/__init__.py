"""The piano-roll editor: the roll itself, its tools, and the lanes that share its time axis."""
