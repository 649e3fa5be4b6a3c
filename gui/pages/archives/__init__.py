"""迎检档案: campaigns, checklists, progress, scoring and templates, with their dialogs."""
