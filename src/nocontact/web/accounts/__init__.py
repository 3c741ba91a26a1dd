"""Accounts: sign-in with back-off and two-factor, sessions, re-authentication, the survivor's
controls (friend access, notifications, export, delete). Public helpers live in `api`."""
