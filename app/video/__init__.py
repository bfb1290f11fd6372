"""Video in sync with the playhead: a dock showing the frame under the playhead, frame steps, the project link.

`frames` decodes off the UI thread (engine.video does the decoding), `view`
paints, `controller` decides which frame and keeps the link, `install` puts it
into the window (docs/VIDEO.md).
"""
