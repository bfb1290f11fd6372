"""AI proposals in the editor: select a region, generate takes, audition, keep one, regenerate what you dislike.

One module per part: `region` (bars x tracks plus locks), `takes` (proposals
as JSON-able values kept with the project), `job` (generation off the UI
thread), `overlay` (takes painted in place), `panel` (the controls dock),
`sketch` (the New sketch dialog), `controller` (the wiring), `menu` (the
Compose menu, context menus and shortcuts). Only `job` touches the composer,
and only inside the worker thread, so the window opens without torch.
"""
