"""Video in sync with the playhead: a dock that shows the frame under the playhead, frame steps, the link in the project.

`frames` decodes off the UI thread (engine.video does the decoding), `view`
paints, `controller` decides which frame and keeps the link, `install` puts it
into the window (docs/VIDEO.md).
"""
