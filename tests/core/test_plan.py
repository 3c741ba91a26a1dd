"""The plan covers every line of the method, with steps for each."""

from __future__ import annotations

from nocontact.core.identities import IdentityKind
from nocontact.core.plan import (
    BEFORE_YOU_BLOCK,
    BY_KEY,
    PLAN,
    ItemStatus,
    Section,
    by_section,
    progress,
)

NETWORKS = ["facebook", "instagram", "x", "tiktok", "snapchat", "whatsapp", "telegram", "signal",
            "linkedin"]  # fmt: skip


def test_every_line_of_the_method_is_in_the_plan():
    for key in [
        "setup.people", "setup.friend", "setup.screening", "phone.block", "phone.voicemail",
        "phone.new_number", "email.block", "home.door", "home.post", "people.proxies",
        "people.new_requests", "message.final", *(f"social.{n}" for n in NETWORKS),
    ]:  # fmt: skip
        assert key in BY_KEY, key


def test_keys_are_unique_and_every_item_has_steps():
    assert len(BY_KEY) == len(PLAN)
    for item in PLAN:
        assert item.title and item.why
        assert len(item.steps) >= 2, item.key
        assert all(step.strip() for step in item.steps)


def test_voicemail_line_says_delete_unheard_and_door_line_mentions_protective_order():
    assert "without listening" in BY_KEY["phone.voicemail"].title
    assert any("protective order" in s for s in BY_KEY["home.door"].steps)
    assert any("friend" in s for s in BY_KEY["home.post"].steps)


def test_email_line_never_suggests_deleting_their_mail():
    steps = " ".join(BY_KEY["email.block"].steps).lower()
    assert "do not use 'delete' rules" in steps
    assert "evidence" in BY_KEY["email.block"].why


def test_lines_that_take_identities_say_which_kinds():
    assert BY_KEY["phone.block"].needs == (IdentityKind.PHONE,)
    assert IdentityKind.EMAIL in BY_KEY["email.block"].needs
    assert all(BY_KEY[f"social.{n}"].needs == (IdentityKind.HANDLE,) for n in NETWORKS)


def test_the_warning_before_blocking_suggests_an_advocate():
    assert "advocate" in BEFORE_YOU_BLOCK and "noticed" in BEFORE_YOU_BLOCK


def test_progress_counts_done_and_not_needed_and_ignores_unknown_keys():
    p = progress(
        {
            "phone.block": ItemStatus.DONE,
            "email.block": "done",
            "phone.new_number": ItemStatus.NOT_NEEDED,
            "social.facebook": ItemStatus.STARTED,
            "no.such.line": ItemStatus.DONE,
        }
    )
    assert (p.done, p.not_needed, p.total) == (2, 1, len(PLAN))
    assert p.remaining == len(PLAN) - 3


def test_sections_group_every_item_once_in_order():
    grouped = by_section()
    assert [s for s, _ in grouped] == list(Section)
    assert sum(len(items) for _, items in grouped) == len(PLAN)
