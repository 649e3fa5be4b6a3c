"""The roster: schools and zones, inspectors, terms, training, staffing and 挂牌 assignments."""
