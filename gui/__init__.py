"""The Qt user interface. It calls ``core`` for every rule and holds none itself."""
