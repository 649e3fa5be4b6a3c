"""The visit calendar: planning, availability, visits, records, visit progress, .ics files."""
