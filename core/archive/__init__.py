"""Evaluation archives (迎检): checklist templates, campaigns, their progress and scoring."""
