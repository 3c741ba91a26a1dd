"""The Django project: settings, one app per area."""

from __future__ import annotations

import os


def setup_django() -> None:
    """Configure Django for commands that need the database (lazy: keeps --help fast)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nocontact.web.settings")
    import django

    django.setup()
