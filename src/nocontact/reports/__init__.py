"""Charts, calendars and printable reports, rendered on the server."""
