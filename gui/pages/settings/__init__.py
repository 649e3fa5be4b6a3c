"""设置: the office, the policy profile and the interface language."""
