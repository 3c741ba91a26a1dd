"""Pure domain code: no Django, no CLI, no I/O beyond what a caller hands in."""
