"""The data file: where it lives, opening it, its engine, errors, backups, restore, the check."""
