"""整改: problems, follow-ups, notices and complaints, with their dialogs."""
