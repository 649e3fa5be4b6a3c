"""Widgets shared by the pages: list pages, table models, forms, lazy pages, the attachments box."""
