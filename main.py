"""督导工作台 (Supervision Desk): no arguments → the GUI; a sub-command → the headless CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI or run one command; returns the process exit code."""
    from core.cli.commands import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is None:
        from gui.app import run

        return run(args)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
