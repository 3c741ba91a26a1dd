"""The No Contact plan: every line of the method as a checklist item with short how-to steps.

The plan is also the onboarding: walking through it, the person enters the ex's and proxies'
numbers, addresses and handles, invites the trusted friend and chooses what to screen. This
module is data plus two small helpers; the web pages show it and keep a status per item.
Apps change their menus: the steps say where to look, and each network item ends with the
general rule (the "..." menu on their profile, then Block).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from nocontact.core.identities import IdentityKind


class ItemStatus(StrEnum):
    TODO = "todo"
    STARTED = "started"
    DONE = "done"
    NOT_NEEDED = "not_needed"


class Section(StrEnum):
    SETUP = "setup"
    PHONE = "phone"
    EMAIL = "email"
    SOCIAL = "social"
    HOME = "home"
    PEOPLE = "people"
    MESSAGE = "message"


SECTION_TITLES: Mapping[Section, str] = {
    Section.SETUP: "Getting ready",
    Section.PHONE: "Phone",
    Section.EMAIL: "E-mail",
    Section.SOCIAL: "Social networks and messaging apps",
    Section.HOME: "Home and post",
    Section.PEOPLE: "People around you",
    Section.MESSAGE: "One final message (optional)",
}

BEFORE_YOU_BLOCK = (
    "Blocking, changing a number or changing passwords can be noticed, and some people react "
    "by escalating. If you are afraid of how they will react, plan the timing with an advocate "
    "or a helpline first. Keep screenshots of anything threatening before you block: blocking "
    "can hide past messages."
)


@dataclass(frozen=True, slots=True)
class PlanItem:
    key: str
    section: Section
    title: str
    why: str
    steps: tuple[str, ...]
    # Which of the ex's or proxies' identities this line needs, to link to the persons pages.
    needs: tuple[IdentityKind, ...] = ()
    optional: bool = False


_GENERAL_BLOCK = "If the menus look different: open their profile, tap the ••• menu, choose Block."


def _network(key: str, name: str, *steps: str, why: str = "") -> PlanItem:
    return PlanItem(
        key=f"social.{key}",
        section=Section.SOCIAL,
        title=f"Block them on {name}",
        why=why or f"Anything they send on {name} is a way back in. Block every account they use.",
        steps=(*steps, _GENERAL_BLOCK),
        needs=(IdentityKind.HANDLE,),
    )


PLAN: tuple[PlanItem, ...] = (
    PlanItem(
        "setup.people",
        Section.SETUP,
        "Write down who to screen",
        "Screening only works for people it knows: the ex and anyone who passes messages for them.",
        (
            "Add the ex as a person, with every phone number, e-mail address and account name "
            "you know.",
            "Add each proxy (a friend or relative who carries messages) the same way.",
            "Old numbers and addresses count too: they may use them again.",
        ),
        needs=(IdentityKind.PHONE, IdentityKind.EMAIL, IdentityKind.HANDLE, IdentityKind.ALIAS),
    ),
    PlanItem(
        "setup.friend",
        Section.SETUP,
        "Invite your trusted friend",
        "Your friend reads what they send so you do not have to, and passes on only what needs "
        "action.",
        (
            "Choose someone who is on your side and not in contact with the ex.",
            "Send them the invitation from the Friend page; they choose their own passphrase.",
            "Agree how they will reach you if something urgent comes in.",
        ),
    ),
    PlanItem(
        "setup.screening",
        Section.SETUP,
        "Choose what to screen",
        "Decide which inboxes and exports the app watches, so their messages are set aside "
        "before you see them.",
        (
            "Connect each e-mail account the ex could write to.",
            "Import phone messages and chats from exports when you can.",
            "You can add more later.",
        ),
    ),
    PlanItem(
        "phone.block",
        Section.PHONE,
        "Block their numbers on each phone",
        "Calls and texts from a blocked number stop ringing through.",
        (
            "iPhone: Phone → Recents → ⓘ next to the number → Block this Caller.",
            "Android: Phone → Recents → tap and hold the number → Block.",
            "Or import the contact file from this page and block that one contact: it holds "
            "every number.",
            "Do it on every phone and tablet you use, including work phones.",
        ),
        needs=(IdentityKind.PHONE,),
    ),
    PlanItem(
        "phone.voicemail",
        Section.PHONE,
        "Delete blocked voicemails without listening",
        "A blocked caller can still leave voicemail. Hearing their voice can undo days of work.",
        (
            "iPhone: Phone → Voicemail → scroll to Blocked Messages → swipe left → Delete.",
            "Android: voicemail depends on your carrier; ask your friend to check and clear it.",
            "If a voicemail might be a threat, ask your friend to keep it as evidence instead.",
        ),
    ),
    PlanItem(
        "phone.new_number",
        Section.PHONE,
        "Change your number, and decide who gets the new one",
        "A new number is the cleanest cut, but anyone who has it can pass it on.",
        (
            "Ask your carrier for a new number; an unlisted one if you can.",
            "Give it only to people who are not in touch with the ex.",
            "Tell those people, kindly and clearly, not to share it with anyone.",
            "Update banks, doctors and school; then block the old number's callers.",
        ),
        optional=True,
    ),
    PlanItem(
        "email.block",
        Section.EMAIL,
        "Filter their e-mail on each account",
        "Their mail is moved out of your inbox and kept, not deleted: it may be evidence.",
        (
            "Download the filters from this page for your mail program (Gmail, Thunderbird, or "
            "a server that speaks Sieve).",
            "Gmail: Settings → See all settings → Filters and Blocked Addresses → Import filters.",
            "Thunderbird: close it, then put the file in your profile's mail folder as "
            "msgFilterRules.dat (keep a copy of the old one).",
            "Do not use 'delete' rules: keep everything for your friend and for a court.",
        ),
        needs=(IdentityKind.EMAIL,),
    ),
    _network(
        "facebook",
        "Facebook",
        "Open their profile → ••• → Block → Confirm.",
        "Also check Settings → Privacy → Blocking, and block their other accounts there.",
    ),
    _network(
        "instagram",
        "Instagram",
        "Open their profile → ••• → Block.",
        "Choose to also block new accounts they may create.",
    ),
    _network("x", "X (Twitter)", "Open their profile → ••• → Block."),
    _network("tiktok", "TikTok", "Open their profile → the share or ••• button → Block."),
    _network(
        "snapchat",
        "Snapchat",
        "Open the chat or their profile → ••• → Manage Friendship → Block.",
    ),
    _network(
        "whatsapp",
        "WhatsApp",
        "Open the chat → tap their name → Block.",
        "Blocking does not delete the chat; export it first if you may need it as evidence.",
    ),
    _network("telegram", "Telegram", "Open the chat → tap their name → ••• → Block user."),
    _network("signal", "Signal", "Open the chat → tap their name → Block."),
    _network("linkedin", "LinkedIn", "Open their profile → More → Report or block → Block."),
    _network(
        "other",
        "other apps",
        "Games, payment apps, shared calendars, photo albums and cloud drives can carry "
        "messages too.",
        "Remove them from shared albums, calendars and accounts.",
        why="Any app where they can write to you, tag you or see you is a channel.",
    ),
    PlanItem(
        "home.door",
        Section.HOME,
        "Do not open the door to them",
        "If they come to your home, you do not have to open or answer.",
        (
            "Do not open the door and do not talk through it.",
            "If you feel unsafe, call the emergency number.",
            "Write down the date and time, and keep any camera footage.",
            "If they keep coming, or threaten you, ask an advocate about a protective order.",
        ),
    ),
    PlanItem(
        "home.post",
        Section.HOME,
        "Let your friend open their letters",
        "Letters and parcels from them go to your friend unopened.",
        (
            "Hand anything in their writing to your friend without opening it.",
            "Your friend passes on what is legal or practical, and keeps anything threatening "
            "as evidence.",
            "Everything else can be destroyed without anyone reading it to you.",
        ),
    ),
    PlanItem(
        "people.proxies",
        Section.PEOPLE,
        "Do not reply to friends who ask about you for them",
        "Mutual friends or relatives may ask how you are, or plead for them. Anything you say "
        "can reach the ex.",
        (
            "Add them as proxies, so their messages are screened too.",
            "If you must answer, one line is enough: 'I do not talk about them.'",
            "You do not owe anyone an explanation.",
        ),
        needs=(IdentityKind.PHONE, IdentityKind.EMAIL, IdentityKind.HANDLE),
    ),
    PlanItem(
        "people.new_requests",
        Section.PEOPLE,
        "Refuse empty new friend requests",
        "A new account with no picture and no history is often the ex trying another way in.",
        (
            "No picture, few friends, created recently: refuse it.",
            "Do not reply to ask who it is.",
            "If it is clearly them, add the account to their person so it is screened.",
        ),
        needs=(IdentityKind.HANDLE,),
    ),
    PlanItem(
        "message.final",
        Section.MESSAGE,
        "Send one final message, or none",
        "You do not have to say anything. If you choose to, make it brief, neutral and firm, "
        "then block that line.",
        (
            "Write it in the composer on this page; it points out anything they could argue with.",
            "Send it once, from your own phone or account.",
            "Then block that number or address straight away, and do not read any reply.",
        ),
        optional=True,
    ),
)

BY_KEY: Mapping[str, PlanItem] = {item.key: item for item in PLAN}


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    not_needed: int
    total: int

    @property
    def remaining(self) -> int:
        return self.total - self.done - self.not_needed


def progress(statuses: Mapping[str, ItemStatus | str]) -> Progress:
    """Counts over the whole plan; keys that are not plan lines are ignored."""
    found = {k: ItemStatus(v) for k, v in statuses.items() if k in BY_KEY}
    done = sum(1 for s in found.values() if s is ItemStatus.DONE)
    skipped = sum(1 for s in found.values() if s is ItemStatus.NOT_NEEDED)
    return Progress(done, skipped, len(PLAN))


def by_section() -> list[tuple[Section, tuple[PlanItem, ...]]]:
    return [(s, tuple(i for i in PLAN if i.section is s)) for s in Section]
