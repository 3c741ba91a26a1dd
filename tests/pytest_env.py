"""Loaded with -p before Django's settings: every test run gets its own data folder."""

import os
import tempfile

if not os.environ.get("NOCONTACT_TEST_KEEP_HOME"):
    os.environ["NOCONTACT_HOME"] = tempfile.mkdtemp(prefix="nocontact-test-")
os.environ.setdefault("NOCONTACT_MODE", "development")
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright runs an event loop in the test thread
