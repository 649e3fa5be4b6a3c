"""督导记录: visit records and coverage, with the record dialog."""
