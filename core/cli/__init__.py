"""The headless command line: every command of ``python main.py COMMAND``."""
