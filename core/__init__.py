"""Domain logic and use cases of 督导工作台. Nothing here imports Qt."""
