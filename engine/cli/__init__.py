"""The `cadenza` command line: one module per subcommand, dispatched from main.py."""
