"""r6: intimidation, provocation, flattery and pity short of a threat are hoovering
(taxonomy.md), while real threats, surveillance and self-harm still alert."""

import pytest

from nocontact.core.classify import classify
from nocontact.core.taxonomy import Category

ALERTING = (Category.THREAT, Category.SELF_HARM)

# Examples of r5 false alarms named in the r6 brief (from the demo case), and the
# intimidation/pity families the taxonomy keeps out of threat/self_harm.
HOOVERING_NOT_ALERT = [
    "Answer your phone.",
    "ur such a coward",
    "Your mom was right about you",
    "you're going to end up alone. just saying",
    "no one will ever compare to you. I mean that",
    "Look what you did to me. I don't even recognise myself",
    "You will regret this.",
    "Pick up. Now.",
    "Reply by tonight or we're finished for good",
    "Nobody else is ever going to put up with you",
]

REAL_THREATS = [
    "Answer your phone or I'm coming round to kick the door in.",
    "You'll regret this when you see what I do to your car.",
    "I'm parked outside your flat. Bedroom light's on.",
    "Saw you at the gym this morning. Nice new coat.",
    "Unblock me or the photos go to your boss.",
    "You'll end up in a ditch if you go to the police.",
    "Your brother won't be able to protect you forever.",
    "Ring the police all you like, a restraining order won't keep you safe from me.",
    "Go to court and you'll be in a hospital bed before the hearing.",
    "Mum knows where you're staying now.",
    "Your tyres might need checking before you drive anywhere.",
]

LEGAL_STAYS_LEGAL = [
    "The hearing is on the 4th at 10am, my solicitor has the bundle.",
    "Police have asked me to make a statement about the 12th.",
    "The non-molestation order was served on Monday; the return date is the 20th.",
]

REAL_SELF_HARM = [
    "Look what you did to me. Tonight I end it.",
    "I've taken all my pills. Goodbye.",
    "Found him with his wrists cut this morning, he keeps asking for you.",
    "Everyone would be better off without me. I've written the letters.",
]


@pytest.mark.parametrize("text", HOOVERING_NOT_ALERT)
def test_pressure_short_of_a_threat_does_not_alert(text: str) -> None:
    result = classify(text)
    assert result.category not in ALERTING, result.reasons


@pytest.mark.parametrize("text", REAL_THREATS)
def test_real_threats_still_alert_as_threat(text: str) -> None:
    assert classify(text).category == Category.THREAT


@pytest.mark.parametrize("text", REAL_SELF_HARM)
def test_real_self_harm_still_alerts(text: str) -> None:
    assert classify(text).category == Category.SELF_HARM


def test_final_warning_alone_is_an_ultimatum_but_with_next_time_a_threat() -> None:
    assert classify("Final warning. Call me back.").category not in ALERTING
    assert classify("last warning. next time I won't just talk").category == Category.THREAT


@pytest.mark.parametrize("text", LEGAL_STAYS_LEGAL)
def test_concrete_legal_process_is_not_lifted_to_threat(text: str) -> None:
    assert classify(text).category == Category.LEGAL
