"""督导日历: the month grid and list, with the visit, planning and leave dialogs."""
