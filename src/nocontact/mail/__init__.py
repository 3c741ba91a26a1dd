"""Live e-mail screening: the IMAP watcher, its sinks, and ManageSieve upload."""
