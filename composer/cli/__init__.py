"""The full `cadenza` command line: the engine's subcommands plus the composer's (generate, compose)."""
