"""The demo office generated into an empty database."""
