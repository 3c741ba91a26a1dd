"""Concept rules (r5): a safety concept is recognised from *families* of cues that occur
together within a window of text, not from fixed phrases.

Self-harm: finality or farewell, giving away possessions or pets, affairs arranged, being a
burden, means, and a place of ending. Two different families near each other, with the
sender speaking of themself (first person) or a proxy speaking of the ex (third person),
make a self-harm message. A few cues are strong enough alone (means in hand, researching a
lethal amount, "the last thing you'll hear from me", the sender at a place of ending).

Surveillance: the sender states current knowledge of the survivor's home, routine,
devices, keys, vehicle or new partner (a *target* next to a *knowing* cue, addressed to
"you"). Requests ("can you…", "so you can…") that only arrange an ordinary handover are
guarded, since logistics talk about keys and locations all the time.

Each family is a plain alternation; a rule's name is its reason and never quotes text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nocontact.core.taxonomy import Category, Tactic


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")")


# ---------------------------------------------------------------- self-harm families
_FINALITY = _rx(
    r"goodbye", r"say (?:my )?goodbyes?", r"one (?:last|final) time",
    r"(?:hear your voice|see (?:you|your face|the kids)) one more time", r"for the last time",
    r"(?:last|final) (?:thing|words?|message|text|time|call) (?:you'll|you will|you'd|from me)",
    r"won't (?:be (?:here|around)|see (?:me|you|them) again|need (?:it|them|any of))",
    r"(?:after|past) i'm gone\b", r"when i'm gone", r"by the time (?:you|anyone|they) (?:read|"
    r"get|see|find)", r"nothing (?:left )?to live for", r"checking out",
    r"(?:that's|thats) the end", r"the end of (?:it|me|the road|the line)",
    r"don't (?:try to |come )?(?:find|look for) me", r"remember (?:that )?i (?:loved?|tried)",
    r"you'll need (?:it|them|these|this|those) (?:soon|after)", r"(?:find|finding|found) me\b",
    r"sorry for everything", r"forgive me", r"at peace", r"be over (?:soon|tonight)",
    r"(?:all|it'll all|it will all) be over", r"love you all", r"(?:won't|never) wake up",
    r"my (?:last|final) (?:night|day|message|text)", r"see you on the other side",
    r"one less (?:problem|mouth|thing|burden)", r"(?:finally )?feel (?:so )?(?:calm|at peace)",
    r"take care of (?:the kids|mum|my mum|them|him|her) for me", r"(?:it's|its) time\b",
    r"(?:tired|sick) of (?:fighting|trying|living|being here)", r"can't do (?:this|it) anymore",
    r"won't be a bother")
_POSSESSIONS = _rx(
    r"(?:gave|given|giving|handed|left|leaving|dropped|taken|put|re-?homed|rehoming) "
    r"(?:\w+ ){0,3}(?:to|with|round at|over to) (?:the |my |our |your )?(?:neighbou?rs?|mum|"
    r"mom|nan|sister|brother|mate|friend|shelter|rescue|uncle|auntie|cousin)",
    r"(?:gave|given|giving|handed) (?:away )?(?:my|all my|the) (?:\w+ ){0,2}(?:dog|cat|pets?|"
    r"guitar|watch|ring|records|tools|car|bike|things|stuff|belongings|clothes|books|games|"
    r"console|medals|collection)", r"labell?ed (?:for|with (?:names|who))",
    r"you can have my", r"(?:they're|it's|its) yours now",
    r"new (?:owner|home) for (?:my|the) (?:dog|cat)")
_ARRANGED = _rx(
    r"(?:my|a|the) will\b", r"(?:funeral|life insurance|insurance policy|death in service)",
    r"passwords?", r"pin numbers", r"(?:the|my) deeds",
    r"insurance (?:papers|documents|details|stuff|policy)",
    r"everything(?:'s| is) (?:in|on|under) (?:the|a|my)", r"(?:letters?|notes?) for (?:every|"
    r"all|you|everyone|my)", r"know what to do (?:with|after)",
    r"cancell?ed (?:my|the) (?:phone|contract|gym|lease|subscriptions)",
    r"(?:all|everything) (?:sorted|in order|paid up)", r"paid (?:up|off) (?:the|my)",
    r"affairs", r"who gets (?:my|the|what)", r"(?:rent|bills|phone) (?:is |are )?paid (?:up )?"
    r"(?:till|until|to) the end")
_BURDEN = _rx(
    r"better off", r"burden", r"in (?:everyone's|your|their) way", r"(?:nobody|no one|no-one)"
    r" (?:would|will|'d) (?:notice|miss|care)", r"ruin(?:ed)? everything", r"waste of space",
    r"(?:you|they|everyone)(?:'ll| will) be (?:fine|happier|free|better)", r"(?:sick|tired) of "
    r"being (?:a|the)")
_MEANS = _rx(
    r"rope", r"noose", r"pills", r"tablets", r"overdose", r"prescriptions?", r"paracetamol",
    r"painkillers", r"the (?:whole )?lot", r"hosepipe", r"exhaust", r"fumes", r"blades?",
    r"razors?", r"wrists?", r"hang(?:ing)? myself", r"drown", r"swallow\w*",
    r"(?:sleeping|my) (?:pills|tablets|meds)")
_FIRST = _rx(r"i\b", r"i'm", r"i've", r"i'll", r"me\b", r"my\b", r"myself", r"im\b", r"ive\b")
_THIRD = _rx(r"(?:he|she|they)(?:'s|'d|'ll)?\b", r"him(?:self)?\b", r"her(?:self)?\b",
             r"his\b")
_PLACE_WORDS = (
    r"cliffs?", r"bridge", r"viaduct", r"overpass", r"railway line", r"river", r"canal",
    r"quarry", r"the sea", r"pier", r"harbour wall", r"roof(?:top)?", r"ledge", r"the edge",
    r"multi-?storey", r"the woods", r"the tracks", r"the dam")
_PLACES = "(?:" + "|".join(_PLACE_WORDS) + ")"
# a place of ending only counts with the sender there now
_PLACE = _rx(r"(?:standing|sitting|sat|stood|parked|i'm|im|i am) (?:\w+ ){0,6}?" + _PLACES,
             _PLACES + r"\b.{0,60}\b(?:up here|out here|here now|right now|tonight)\b")
_STRONG_SELF = _rx(
    r"(?:i|i've|ive|i have|i'm|im|^|[.!?] ) ?(?:\w+ )?(?:got|bought|saved|saving|stockpil\w+|"
    r"collected|kept|have) (?:up )?(?:\w+ ){0,3}"
    r"(?:rope|noose|hosepipe|(?:my )?prescriptions|pills|tablets|paracetamol|blades?|razor "
    r"blades?)\b(?! for (?:the|your|her|his|\w+'s))",
    r"(?:last|final) (?:thing|message|words?) you(?:'ll| will) (?:ever )?(?:hear|get|read)",
    r"(?:kids|children|you|they|someone|mum) (?:be the ones? (?:to|who) )?(?:find|finding) me",
    r"(?:i'm|im|i am) checking out",
    # researching a lethal amount
    r"(?:googled|looked up|searched|read up on|checked) how (?:many|much) (?:\w+ )?(?:it takes|"
    r"would|you need|is enough|to take)",
    # at a place of ending now, with its mood: the sender there, looking down
    r"(?:standing|sitting|sat|stood|i'm|im|i am) (?:\w+ ){0,6}?" + _PLACES + r"\b.{0,80}\b(?:up "
    r"here|out here|here now|right now|tonight|quiet|calm|alone|dark|cold|the view|long way "
    r"down|the drop|the water|waves|one last|last time)")
# a proxy reporting the ex's attempt or intent (decision: self_harm; see docs/classifier.md)
_PROXY_ATTEMPT = _rx(
    r"(?:he|she|they|\w+) (?:has |had )?(?:tried|attempted|tries) to (?:kill|end|hang|hurt|"
    r"top|drown|gas) (?:himself|herself|themselves|it|his life|her life)",
    r"(?:he|she|\w+) (?:has |had )?(?:took|taken|swallowed|necked) (?:an overdose|a handful of|"
    r"all (?:his|her))", r"(?:overdosed|od'd)\b",
    r"(?:found|cut down) (?:him|her) (?:\w+ ){0,3}(?:hanging|unconscious)",
    r"(?:he's|she's|he is|she is|\w+'s|\w+ is) (?:going to|gonna|threatening to|saying he'll|"
    r"saying she'll) (?:kill|hang|hurt|end) (?:himself|herself|it)",
    r"(?:suicide|self-harm) watch", r"(?:hanged|hung|cut|hurt|harmed) (?:himself|herself)\b"
    r"(?! (?:a|an|some|the|on|at|playing|falling|at work))",
    r"(?:slit|slashed) (?:his|her) wrists", r"(?:pumped|pump) (?:his|her) stomach")

# ---------------------------------------------------------------- surveillance families
_TARGET = _rx(
    r"(?:your|ur|yer) (?:\w+ )?(?:gate|lock|locks|door|window|blinds?|curtains?|"
    r"lights?|alarm|bins|porch|shed|garage|doorbell|fence|hedge|drive|driveway|garden|"
    r"bedroom|kitchen|flat|house|place|street|road|car|van|bike|reg|number plate|phone|"
    r"location|icloud|laptop|ipad|camera|cctv|shift|shifts|bus|train|route|"
    r"gym|class|walk|run|"
    r"new (?:fella|man|bloke|boyfriend|girlfriend|partner|guy|place|flat)|fella|"
    r"boyfriend|girlfriend|partner|haircut|routine)",
    r"the (?:back |front |side |garden |garage |kitchen |bedroom )?(?:gate|door|alarm|"
    r"blinds?|curtains?|camera|window)'?s?",
    r"(?:your|the|ur) (?:icloud|apple|google|email|family) (?:account|sharing)",
    r"gps", r"tracker", r"airtag", r"find my", r"location sharing", r"dashcam",
    r"(?:alarm|cameras?|cctv|lock|locks)\b", r"keys?\b", r"codes?\b", r"pin\b",
    r"every (?:morning|night|day|week|\w+day)", r"you (?:finish|leave|get home|start) at")
_KNOWING = _rx(
    r"(?:saw|seen|spotted|clocked|noticed|watched|watching) (?:you|ur|u|him|her|them|the two "
    r"of you|you two)\b", r"(?:saw|seen|spotted|clocked|noticed) (?:it|that) (?:this|last|at|"
    r"from|on)\b", r"(?:drove|driven|drive|driving|walked|went|going) past",
    r"i can (?:still )?see (?:your|you|where|who|when|what|everything)",
    r"i know (?:where|when|what time|who)", r"still (?:linked|connected|synced|logged|signed|"
    r"paired|registered)", r"i(?:'ve| have)? still (?:have|got)",
    r"still got (?:a|the|your) (?:spare )?keys?",
    r"(?:on|in|to) my (?:account|phone|ipad|icloud|google|email)",
    r"(?:kept|made) (?:a )?(?:cop(?:y|ies)|spare)", r"(?:still know) (?:the|your) "
    r"(?:code|pin|password|alarm)", r"no alarm", r"(?:wouldn't|won't|doesn't) take much",
    r"easy to get (?:in|into)")
_YOU = _rx(r"you", r"your", r"ur\b", r"u\b", r"yer\b", r"you're", r"you've", r"does it\b",
           r"is there\b")
_REQUEST = _rx(r"can you", r"could you", r"would you", r"please", r"so you can", r"if (?:you|"
               r"\w+) needs?", r"do you want", r"shall i", r"letting agent", r"landlord",
               r"for the handover", r"for (?:the )?(?:pick-?up|drop-?off)", r"meter", r"bike lock",
               r"tracking number", r"parcel", r"i'll leave", r"leaving (?:it|them|the)")
_STRONG_WATCH = _rx(
    r"still (?:linked|connected|synced|logged in|signed in|paired|registered) (?:to|on|in|with) "
    r"my", r"(?:kept|made) (?:a |myself a )?cop(?:y|ies) of (?:the|your) (?:house |front |back )?"
    r"keys?", r"(?:still know|still have) (?:the|your) (?:alarm |door )?(?:code|pin)",
    r"(?:gps|tracker|airtag) (?:is |'s )?still",
    r"(?:still (?:get|getting|receive|see)|i get) (?:all )?(?:your|ur) (?:emails|texts|messages|"
    r"notifications|alerts|post|bank alerts)", r"(?:your|ur) (?:emails|messages|texts|"
    r"whatsapps?|notifications) (?:still )?(?:come|coming|go|going) (?:to|through) my",
    r"i(?:'ve| have)? still (?:have|got) (?:a|the|your) (?:spare |house |front door |"
    r"back door )?keys?\b(?! (?:to|for) (?:the |my )?(?:meter|bike|padlock|locker|shed|van))",
    r"drove past (?:yours|your (?:house|place|flat))")


@dataclass(frozen=True, slots=True)
class ConceptRule:
    """Fires when `need` different families match within `span` characters of each other
    and the `speaker` pattern (and not the `unless` pattern) occurs in that window."""
    name: str
    category: Category
    families: tuple[re.Pattern[str], ...]
    speaker: re.Pattern[str]
    need: int = 2
    span: int = 200
    unless: re.Pattern[str] | None = None
    strong: re.Pattern[str] | None = None
    tactics: tuple[Tactic, ...] = ()
    # the speaker may also be implied: no `others` pattern in the window (SMS drops "I")
    others: re.Pattern[str] | None = None

    def matches(self, text: str) -> bool:
        if self.strong is not None and self.strong.search(text):
            return True
        hits = [(m.start(), i) for i, fam in enumerate(self.families)
                for m in fam.finditer(text)]
        if self.families and self.families[0] is _FINALITY:
            # two different farewell cues ("sorry for everything" + "checking out") are
            # as telling as two families
            cues = {m.group(0): m.start() for m in _FINALITY.finditer(text)}
            hits += [(pos, -1) for pos in list(cues.values())[1:]]
        hits.sort()
        for k, (pos, _) in enumerate(hits):
            found = {i for p, i in hits[k:] if p - pos <= self.span}
            if len(found) < self.need:
                continue
            window = text[max(0, pos - 60) : pos + self.span + 60]
            spoken = self.speaker.search(window) or (
                self.others is not None and not self.others.search(window))
            if spoken and not (self.unless and self.unless.search(window)):
                return True
        return False


S, T = Category.SELF_HARM, Category.THREAT
CONCEPT_RULES: tuple[ConceptRule, ...] = (
    ConceptRule("self_harm: concept (farewell, possessions, affairs, burden, means, place)", S,
                (_FINALITY, _POSSESSIONS, _ARRANGED, _BURDEN, _MEANS, _PLACE),
                _FIRST, strong=_STRONG_SELF, tactics=(Tactic.PITY,), others=_THIRD),
    ConceptRule("self_harm: attempt or intent reported about the ex", S,
                (_PROXY_ATTEMPT,), _THIRD, need=1, tactics=(Tactic.PITY,)),
    ConceptRule("threat: surveillance concept (sender knows home, routine, devices)", T,
                (_TARGET, _KNOWING), _YOU, span=120, unless=_REQUEST, strong=_STRONG_WATCH,
                tactics=(Tactic.INTIMIDATION,)),
)
