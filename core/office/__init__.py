"""The office itself: its policy profile, stored settings, working days and school terms."""
