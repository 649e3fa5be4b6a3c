"""学校: schools, kindergartens and zones, with the school dialog."""
