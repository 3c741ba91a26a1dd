"""The model's cue gates: English cue lists, and standing aside for other languages (r7)."""

import pytest

from nocontact.core.classify.preprocess import prepare
from nocontact.core.classify.safety_cues import looks_english, self_harm_cue, threat_cue


@pytest.mark.parametrize("text", [
    "jestem na dachu. nie dzwoń do nikogo, tak będzie lepiej",
    "Sé dónde vives ahora y a qué hora sales del trabajo",
    "Je sais où tu habites maintenant, fais attention à toi",
])
def test_a_message_in_another_language_opens_both_gates(text: str) -> None:
    prepared = prepare(text)
    assert not looks_english(prepared)
    assert threat_cue(prepared) and self_harm_cue(prepared)


@pytest.mark.parametrize("text", ["Answer me. I mean it.", "PICK UP THE PHONE NOW",
                                  "u up?", "ok"])
def test_english_and_very_short_messages_keep_the_gates(text: str) -> None:
    prepared = prepare(text)
    assert looks_english(prepared)
    assert not threat_cue(prepared)
    assert not self_harm_cue(prepared)
