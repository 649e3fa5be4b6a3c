"""工作台: the dashboard's cards, each opening the list behind it."""
