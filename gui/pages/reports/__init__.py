"""报表: choosing and printing a report."""
