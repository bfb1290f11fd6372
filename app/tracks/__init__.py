"""The track list: one row per track with its mixer controls."""
