"""Lexicon rules: safety cues composed from word families (verb × object × modifier)
rather than fixed phrases, so new wordings of the same act are caught.

A `CoRule` fires when every one of its parts occurs within `span` characters of the first
part's match (in either direction). Word lists are plain alternations, kept readable."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nocontact.core.taxonomy import Category, Tactic


def alt(*words: str) -> str:
    return r"(?:" + "|".join(words) + r")"


T, S, L = Category.THREAT, Category.SELF_HARM, Category.LEGAL
INT, PITY = (Tactic.INTIMIDATION,), (Tactic.PITY,)

# --- word families
YOUR = alt("your", "you're", "you")
CLOSE_PERSON = alt("fella", "bloke", "boyfriend", "new man", "new guy", "partner", "husband",
                   "girlfriend", "wife", "sister", "brother", "mum", "mom", "mother", "dad",
                   "father", "parents", "kids?", "children", "son", "daughter", "friends?",
                   "mates?", "boss", "fiance", "fiancee", "nan", "gran")
CLOSE_THING = alt("dog", "cat", "pets?", "horse", "rabbit", "car", "house", "flat", "home",
                  "place", "garden", "shed", "windows?", "tyres", "tires", "door", "job")
MEDIA = alt("videos?", "vids?", "photos?", "pics?", "pictures?", "images?", "screenshots?",
            "recordings?", "tapes?", "footage", "nudes?", "selfies", "snaps",
            r"everything (?:you|u) (?:ever )?sent", r"what you look like without",
            r"without (?:your |any )?clothes", "naked", "topless", "underwear", "in the shower")
AUDIENCE = alt("facebook", "instagram", "insta", "tiktok", "twitter", "snapchat", "online",
               "internet", "the web", "group chat", "whatsapp", "everyone", "everybody",
               "the whole", "neighbou?rs", "employer",
               "manager", "boss", "your work", "colleagues", "church", "mosque",
               r"your (?:mum|mom|dad|parents|family|kids|friends|new|fella|bloke|boyfriend)",
               "porn", "reddit", "billboard", "poster", "posters", "lamp ?posts?")
LEVER = alt("unless", "or else", r"if you (?:don't|won't|keep|carry on|go|tell|ever)",
            "keep ignoring", "would love", "will see", "get to see", "gonna see",
            "going to see", "going to get", "is getting", "gets? them", "got them", "shame",
            "pity", "find out", r"still (?:have|got)", "kept",
            "didn't delete", "never deleted", "interested", "interesting", "the lot",
            "copies will", "will go to", "goes? to")
CONDITIONAL_HARM = (r"(?:would|it'd|itd|'d|be|be a|be such a|real|such a) (?:be )?(?:a )?"
                    r"(?:real |such a |terrible |awful )?(?:shame|pity|awful|terrible|tragic|"
                    r"tragedy|sad|horrible) if\b|"
                    r"\bhate (?:it )?if (?:anything|something)\b|\b(?:shame|pity) if "
                    r"(?:he|she|it|they|the|your|that|something|anything|someone)\b")
HARM_EVENT = alt("happened", "got", "went", "gets", "goes", "ended", "wandered", "caught",
                 "burn", "burnt", "burned", "keyed", "broke", "broken", "hurt", "lost",
                 "fell", "found", "ran", "run", "up", "missing", "slashed", "scratched",
                 "saw", "see", "seen", "facebook", "online")

# --- self-harm families
GOING = (r"(?:i'll|i will|i'm going to|i'm|i am|i'd|i) (?:\w+ )?(?:be )?gone (?:by|before|"
         r"soon|for good|tomorrow|tonight|in the morning|by morning)|\bgone for good\b|"
         r"\b(?:go|gone|going) to sleep (?:for good|forever|and not wake|and never)\b|"
         r"\bnot (?:going to|gonna) be (?:here|around) (?:for|by|at|on|to see)\b|"
         r"\bwon't be (?:here|around) (?:for|by|at|on|to see)\b")
FAREWELL = (r"\bthis is goodbye\b|\b(?:hear your voice|say goodbye|see (?:your|the kids'?) "
            r"faces?)\b.{0,20}\bone last time\b|\bone last time\b.{0,20}\b(?:before i go|"
            r"goodbye|bye)\b|\blast (?:text|message|call|voicemail)\b(?:,? (?:promise|ever|i'll "
            r"ever|from me ever)|.{0,40}\b(?:goodbye|forever|love you|sorry for everything)\b)|"
            r"\btell (?:the kids|them|my (?:mum|mom|kids|son|daughter)) "
            r"(?:that )?(?:i|daddy|mummy|mum|dad|mommy|their (?:dad|mum|mom)) (?:love|loved)\b|"
            r"\b(?:written|wrote|writing|left|leaving) (?:\w+ )?(?:letters?|notes?) for "
            r"(?:everyone|you|the kids|each of|my|all)\b|\bletters? for everyone\b|"
            r"\bsorted (?:out )?(?:my |the )?(?:will|insurance|life insurance|affairs|funeral)\b|"
            r"\b(?:gave|given|giving) (?:away )?(?:my|the) (?:\w+ ){0,2}(?:dog|cat|guitar|"
            r"watch|things|stuff|belongings|records|clothes|car|bike) (?:away|to)\b|"
            r"\bgave away (?:my|all my)\b|\bwon't need (?:anything|any of (?:it|them|this)|"
            r"them|it) (?:after|anymore|soon|now)\b|\bsaid (?:my|his|her) goodbyes\b")
BURDEN = (r"\b(?:won't|not|no longer) (?:be )?a burden\b.{0,40}\b(?:longer|soon|anymore|for long|"
          r"after)\b|\b(?:lighter|happier|easier|better|freer) without me\b|\bwithout me in it\b|"
          r"\bi'm (?:just )?a burden\b|\b(?:everyone|you|the kids|the world|they)(?:'d| would| "
          r"will|'ll) be (?:better|happier|fine) (?:off )?(?:once|when) i'm gone\b")
METHOD = (r"\b(?:took|taken|swallowed|downed|necked) (?:the|a|my|all my|all the) "
          r"(?:whole |full |entire )?(?:bottle|packet|box|strip|pack)\b|\b(?:took|taken|"
          r"swallowed|downed|necked) the (?:whole )?lot\b|"
          r"\b(?:razor ?blades?|blades?)\b.{0,60}\b(?:way out|wrists?|myself|bath|arms?|"
          r"tonight|ready|end)\b|\b(?:looks?|looking|feels?|seems?) like (?:a|the only) way out\b|"
          r"\bonly way out\b|\bcut (?:again|myself|deeper|my (?:arms?|wrists?|legs?|thighs?))\b|"
          r"\bcutting (?:again|myself)\b|\bdeeper this time\b|\bin front of (?:it|a|the|"
          r"an?) (?:\w+ )?(?:train|bus|lorry|truck|car)\b|\b(?:engine|motor) running\b|"
          r"\bpumped my stomach\b|\b(?:tied|tie|tying|hung|put up) (?:the|a) (?:rope|belt|"
          r"noose|cord)\b|\brope (?:to|round|around|over) the\b|\b(?:got|have|bought|saved) "
          r"enough (?:now|pills|tablets|to)\b|\b(?:chemist|pharmacy|pharmacies)\b.{0,60}"
          r"\benough\b|\bedge of (?:the )?(?:roof|bridge|multi|car park|cliff|platform|"
          r"building)|\bmulti[- ]?storey\b.{0,40}\b(?:edge|top|roof|jump)\b|"
          r"\b(?:top|roof) of (?:the )?(?:multi|car park|building|block)\b")


@dataclass(frozen=True, slots=True)
class CoRule:
    """Fires when every part occurs within `span` characters of a match of the first."""
    name: str
    category: Category
    parts: tuple[re.Pattern[str], ...]
    span: int = 160
    tactics: tuple[Tactic, ...] = ()

    def matches(self, text: str) -> bool:
        first, *rest = self.parts
        for m in first.finditer(text):
            window = text[max(0, m.start() - self.span) : m.end() + self.span]
            if all(p.search(window) for p in rest):
                return True
        return False


def _co(name: str, category: Category, *parts: str, span: int = 160,
        tactics: tuple[Tactic, ...] = ()) -> CoRule:
    return CoRule(name, category, tuple(re.compile(p) for p in parts), span, tactics)


def _one(name: str, category: Category, pattern: str,
         tactics: tuple[Tactic, ...] = ()) -> CoRule:
    return _co(name, category, pattern, tactics=tactics)


LEXICON_RULES: tuple[CoRule, ...] = (
    _co("threat: publish images or secrets (lexicon)", T, rf"\b{MEDIA}\b", rf"\b{AUDIENCE}\b",
        rf"{LEVER}", span=140, tactics=INT),
    _co("threat: harm framed as a pity", T, CONDITIONAL_HARM, rf"\b{HARM_EVENT}\b", span=70,
        tactics=INT),
    _one("threat: consequence foretold", T,
         r"\bthings (?:will|could|might|are going to|are gonna|'ll) get (?:ugly|nasty|messy|bad|"
         r"worse|very bad)\b|\b(?:see|find out) what happens (?:to|when|if)\b|"
         r"\b(?:you'll|you will|you're going to) (?:find out|see) (?:what|the hard way)\b|"
         r"\bnever (?:feel|be) safe\b|\bcan't (?:protect|save) you (?:forever|now|from me)\b|"
         r"\b(?:nobody|no one|no-one) (?:can|will|could) (?:protect|save) you\b|"
         r"\bby the time (?:they|the police|the cops|anyone|someone|help) (?:\w+ )?(?:turn|get|"
         r"arrive|come|show)\w*.{0,30}\btoo late\b|\bone (?:phone )?call and\b|"
         r"\b(?:start|drive) (?:your|the) car\b.{0,30}\bwithout check\w*|\bcheck (?:your|the) "
         r"(?:brakes|tyres|tires|brake lines?)\b|"
         r"\bowe me (?:a )?favou?rs?\b|"
         r"\b(?:brick|rock|stone) (?:through|in|at) (?:your|the) window\b|"
         r"\b(?:drag|pull) you (?:out|outside|by)\b|\bby (?:your|the) hair\b|"
         r"\bthink (?:very )?carefully about who\b|\bwho you're (?:upsetting|messing with|"
         r"dealing with|crossing)\b|\bwon't (?:live|be around|be alive) to see\b|"
         r"\bwon't see (?:another|your next|next)\b|\b(?:face|neck|legs) of yours\b|"
         r"\bsleep with (?:the|your) lights? on\b|\b(?:in|to) (?:the )?hospital\b.{0,30}\b"
         r"(?:one call|favou?r|mates|lads|boys)\b|\b(?:your|the) (?:\w+'s|\w+ is) in "
         r"(?:hospital|a&e|intensive care)\b", tactics=INT),
    _co("threat: harm to someone close", T,
        rf"\b{YOUR} (?:new )?{CLOSE_PERSON}(?:'s)?\b",
        r"\b(?:should|better|had better|wants? to|needs? to) (?:be careful|watch|look out|"
        r"keep (?:an eye|his head|her head))\b|\b(?:batter|kill|hurt|stab|smash|sort out|deal "
        r"with)\w* (?:him|her|them)\b|\bin the dark\b|"
        r"\b(?:walk|walking|alone|on (?:his|her) own)\b.{0,30}\bdark\b",
        span=90, tactics=INT),
    _one("threat: waiting for the user alone", T,
         r"\b(?:walking|walk|coming|going) home (?:alone|on your own)\b.{0,60}\bi(?:'ll| will) "
         r"be (?:there|waiting)\b|\bi(?:'ll| will) be (?:there|waiting)\b.{0,40}\b(?:alone|on "
         r"your own|when you)\b|\bone day you'll\b.{0,60}\bi'll be\b|\b(?:walk|walking|alone|on "
         r"your own)\b.{0,40}\bin the dark\b", tactics=INT),
    _one("threat: stalking (routine, home and appearance)", T,
         r"\b(?:your|you're) (?:little |daily |weekly )?(?:routine|schedule|movements)\b|"
         r"\blike clockwork\b|\bevery (?:single )?(?:morning|night|evening|day|week|monday|"
         r"tuesday|wednesday|thursday|friday|saturday|sunday) at \d|\b(?:your|the) (?:bedroom |"
         r"kitchen |living room |front room |landing )?(?:light|lights|curtains|blinds) "
         r"(?:go|goes|went|are|were|is|was|came|comes?|turns?|switch\w*)\b|"
         r"\b(?:nice|love|like|lovely|loving|liked)"
         r" (?:the |your )?new (?:curtains|blinds|locks|door|car|haircut|hair|kitchen|sofa|"
         r"flat|place|house|garden|fence|coat|dress|jacket|shoes|look)\b|\b(?:new )?locks "
         r"(?:would|will|won't|wouldn't|didn't) (?:work|help|stop|keep)\b|\b(?:enjoyed|enjoy|"
         r"love|loved) watching you\b|\b(?:\w+ )?cars? behind you\b|\bbehind you (?:on|at|in)\b|"
         r"\b(?:saw|seen|spotted|watched) (?:them|it|you) from (?:the|across)\b|"
         r"\b(?:red|blue|green|black|white|pink|yellow) (?:coat|dress|top|jacket) suits you\b|"
         r"\b(?:blue|red|green|black|white|pink)'s your colou?r\b", tactics=INT),
    _one("threat: stalking (partner, number, messages)", T,
         r"\b(?:your|you're) (?:new )?(?:bloke|fella|boyfriend|man|guy|partner|girlfriend) "
         r"(?:drives|works|lives|parks|goes|finishes|leaves|gets|walks|runs|lifts)\b|"
         r"\breg (?:ending|number|plate)\b|\bnumber plate\b|\bchang\w+ (?:your|the) "
         r"(?:number|phone|email|address|locks)\b.{0,40}\b(?:stop|won't|doesn't|didn't|found|got"
         r"|find|work|help)\b|\b(?:got|found|have|know|tracked down) (?:your|the) new (?:number|"
         r"address|email|phone|1|one|place)\b|\bi can see (?:every|all|each|your) (?:\w+ )?"
         r"(?:messages?|texts?|emails?|dms?|chats?|calls?)\b|\b(?:read|reading|see|seeing) "
         r"(?:every|all) (?:your )?(?:messages|texts|emails)\b", tactics=INT),
    _co("threat: stalking (plans known)", T,
        r"\b(?:heard|hear|know|knew|i see) (?:that )?(?:you're|you are|your|you) "
        r"(?:going|off|heading|away)\b",
        r"\bsee (?:you|ya) (?:there|soon|then)\b|\bi(?:'ll| will| might) "
        r"(?:be|come|pop|drop) (?:there|by|along|in)\b", span=120, tactics=INT),
    _one("threat: access, whereabouts and aftermath", T,
         r"\b(?<!you )(?<!you've )(?<!u )(?:still (?:have|got)|kept|copied|made (?:a )?cop(?:y|"
         r"ies) of) (?:a |the |your |my )?keys?\b(?! (?:to|for) (?:the |my |your )?(?:meter|"
         r"bike|padlock|locker|letterbox|post ?box|bins?|shed|office|van)\b)|"
         r"\bwhile it lasts\b|\b(?:heard|hear|"
         r"know|knew|noticed) (?:that )?you (?:were|was|went|stayed|left) (?:at|in|to|with|"
         r"round|over|till|until)\b|\bstayed (?:till|until) \d|\b(?:do|serve|doing) time for "
         r"(?:you|him|her|this)\b|\b(?:prison|jail|inside) for (?:you|him|her)\b|\bmake sure "
         r"(?:nobody|no one|no man|no-one) (?:ever )?(?:wants?|looks?|touches?)\b",
         tactics=INT),
    _one("threat: inside or at the home, safety denied", T,
         r"\b(?:top|bottom|foot) of your (?:stairs|drive|driveway|road|garden|street)\b|"
         r"\bi can hear (?:the|your) (?:telly|tv|music|shower|kids|dog|radio|voice)\b|"
         r"\bi'm (?:in|inside) your (?:garden|hallway|stairwell|loft|garage|shed|kitchen|"
         r"building|block|yard|porch)\b|\b(?:think|thought|reckon) (?:you're|you are) safe\b|"
         r"\b(?:ends?|ended|end) up in (?:a&e|hospital|the hospital|a ditch|the ground|"
         r"intensive care|a wheelchair)\b|\bi mean physically\b|\bnew (?:number|phone|address|"
         r"email|locks?)\b.{0,30}\b(?:stops?|stopped|keeps?|kept) me\b", tactics=INT),
    _one("self_harm: means in hand or researched", S,
         r"\b(?:swallow\w*|tak\w*|took|down\w*|neck\w*) (?:every|all (?:the|my)|each) "
         r"(?:\w+ )?(?:pills?|tablets?|meds|medication)\b|\b(?:bath|tub|bathtub|bathroom)\b.{0,30}"
         r"\b(?:knife|blade|razor)\b|\b(?:research\w*|look\w* up|read up on) "
         r"(?:\w+ )?(?:ways|how to (?:do it|end it|die))\b|\bways to "
         r"(?:do it|end it|die|go)\b|\bhow it would feel to (?:just )?(?:stop|not wake|"
         r"disappear|not be here)\b|\b(?:step|stepping|jump|jumping|throw myself) (?:off|in front "
         r"of|onto|from) (?:the|a) (?:platform|tracks|bridge|ledge|roof|building|cliff)\b",
         tactics=PITY),
    _one("legal: lawyers corresponding", L,
         r"\b(?:your|my|his|her|their|our) (?:lawyer|solicitor|attorney|barrister)(?:'s|s') "
         r"(?:letter|email|reply|response|notice)\b|\b(?:lawyer|solicitor|attorney|barrister)"
         r"s? (?:will |is going to |are going to )?(?:reply|respond|write to|be in touch with) "
         r"(?:you|yours|this week|by)\b|\bmine will (?:reply|respond|be in touch)\b"),
    _one("self_harm: farewell and affairs put in order", S, FAREWELL, tactics=PITY),
    _one("self_harm: leaving for good", S, GOING, tactics=PITY),
    _one("self_harm: burden and absence", S, BURDEN, tactics=PITY),
    _one("self_harm: method, means or attempt", S, METHOD, tactics=PITY),
)
