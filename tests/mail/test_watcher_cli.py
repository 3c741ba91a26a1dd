"""`nocontact mail add|test|list|sieve` against a real Dovecot."""

from __future__ import annotations

import pytest
import typer
from django.conf import settings
from typer.testing import CliRunner

from nocontact.commands.mail import register
from tests.helpers import skip_or_fail
from tests.servers.dovecot import DovecotServer, MailUser, make_message

from .conftest import QUARANTINE, client_for, message_ids

pytestmark = [pytest.mark.dovecot, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _mailwatch_installed() -> None:
    if "nocontact.web.mailwatch" not in settings.INSTALLED_APPS:
        skip_or_fail("nocontact.web.mailwatch is not in INSTALLED_APPS yet")


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.command()
    def _unused() -> None:  # a second command keeps `mail` a sub-command group
        pass

    return app


def _add(app: typer.Typer, user: MailUser, password: str, *extra: str) -> object:
    return CliRunner().invoke(
        app,
        ["mail", "add", "home", "--host", "127.0.0.1", "--port", str(user.server.imap_port),
         "--tls", "none", "--user", user.name, "--password-env", "NC_TEST_PW",
         "--quarantine", QUARANTINE, *extra],
        env={"NC_TEST_PW": password},
    )


def test_add_with_a_wrong_password_says_so_and_links_nothing(
    personas: object, dovecot_private: DovecotServer, app: typer.Typer
) -> None:
    from nocontact.web.mailwatch.models import MailAccount

    user = dovecot_private.add_user()
    result = _add(app, user, "wrong-password-1")
    assert result.exit_code == 1
    assert "Wrong credentials" in result.output
    assert user.name not in result.output and "wrong-password-1" not in result.output
    assert not MailAccount.objects.exists()


def test_add_test_list_and_sieve(personas: object, mail_user: MailUser, app: typer.Typer) -> None:
    from tests.conftest import EX_EMAIL

    result = _add(app, mail_user, mail_user.password, "--sieve-port",
                  str(mail_user.server.sieve_port))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("OK: Connected")

    tested = CliRunner().invoke(app, ["mail", "test", "home"])
    assert tested.exit_code == 0 and tested.output.startswith("OK:")

    listed = CliRunner().invoke(app, ["mail", "list"])
    assert "home" in listed.output and mail_user.name not in listed.output

    sieve = CliRunner().invoke(app, ["mail", "sieve", "home"])
    assert sieve.exit_code == 0, sieve.output
    raw = make_message(EX_EMAIL)
    mail_user.server.deliver(mail_user, raw)
    imap = client_for(mail_user)
    assert len(message_ids(imap, QUARANTINE)) == 1  # filed by the server, nocontact not running
    assert message_ids(imap, "INBOX") == []
    imap.logout()
