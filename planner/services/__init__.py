"""The product's rules over a Session. No Qt, no matplotlib: every rule is testable headless.

Functions take a `Session` (one user action = one `Database.session()` block) and return frozen
dataclasses that screens, charts and the command line draw.
"""
