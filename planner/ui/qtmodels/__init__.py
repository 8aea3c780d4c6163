"""Qt table models over the services' row dataclasses."""
