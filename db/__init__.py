"""Storage of 督导工作台: models, engine, migrations, backup. Nothing here imports Qt."""
