"""Casework after a visit: rectification of problems and the complaint register."""
