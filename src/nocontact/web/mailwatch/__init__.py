"""Linked IMAP accounts and the watcher's UID ledger, one case each."""
