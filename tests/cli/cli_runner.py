"""Run `cadenza` in-process the way a shell would, for the command-line tests.

Through the installed entry point's `main` (composer.cli), so every subcommand is there."""
from composer.cli.main import main


def run_cadenza(capsys, *args) -> tuple[int, str, str]:
    """(exit status, stdout, stderr) of `cadenza ARGS...`, argparse's own exits included."""
    try:
        code = main([str(arg) for arg in args])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err
