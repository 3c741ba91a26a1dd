"""Cue gates for the model's alerting categories (r6).

A threat or self-harm alert frightens or alarms the people we protect, so the *model*
(not a rule) may only call a message `threat` when the text holds some threat-ish
vocabulary — harm, weapons, fire, surveillance, places, vehicles, pets, publishing, veiled
warnings — and `self_harm` only with some vocabulary of ending, means, farewell or crisis.
Pressure with none of that ("answer me", "you'll regret this", "you'll end up alone",
insults, "look what you did to me") stays hoovering + intimidation/provocation/pity, as
taxonomy.md says. The gates are deliberately wide (recall first): they only stop the model
from alarming on words that cannot carry harm. They run on `preprocess.prepare` output.
"""

from __future__ import annotations

import re


def _words(*stems: str) -> str:
    return r"\b(?:" + "|".join(stems) + r")"


THREAT_CUE = re.compile("|".join((
    # harm, violence, injury
    _words(r"kill", r"murder", r"hurt", r"harm", r"stab", r"shoot", r"shot", r"strangl",
           r"chok", r"beat", r"batter", r"smash", r"slash", r"burn", r"bury", r"buried",
           r"destroy", r"break\w* (?:your|his|her|both|every)", r"broken (?:arm|leg|nose|jaw)",
           r"ruin", r"drown", r"run (?:you |him |her )?over", r"poison", r"torch", r"punch",
           r"hit (?:you|him|her)", r"glass(?:ed)?\b", r"deck", r"flatten", r"wreck", r"trash",
           r"blood", r"bleed", r"hospital", r"ambulance", r"a&e", r"ditch", r"grave",
           r"dead", r"die\b", r"dying", r"funeral", r"accident", r"injur", r"bruis",
           r"face", r"arms?\b", r"legs?\b", r"teeth", r"neck", r"throat", r"pain",
           r"suffer", r"pay for", r"sort (?:you|him|her|them) out", r"deal with",
           r"end (?:you|him|her)", r"end up (?:in|dead|hurt|under|six)",
           r"finish (?:you|him|her)", r"get (?:you|him|her)\b",
           r"make sure", r"do (?:you|him|her) in", r"go missing", r"went missing",
           r"disappear", r"never see", r"won't see", r"wont see", r"next christmas",
           r"last (?:time|thing|christmas|birthday)"),
    # weapons, fire, damage
    _words(r"gun", r"knife", r"knives", r"blade", r"machete", r"bat\b", r"hammer",
           r"crowbar", r"acid", r"petrol", r"lighter", r"matches", r"fire", r"flames?",
           r"bomb", r"rifle", r"shotgun", r"licen[cs]e", r"brick", r"tyres?", r"tires?",
           r"brakes?", r"windows?", r"windscreen", r"paint", r"keyed", r"slashed"),
    # surveillance, stalking, places, vehicles, routine
    _words(r"saw you", r"seen you", r"see you\b", r"spotted", r"clocked", r"watch",
           r"follow", r"track", r"airtag", r"gps", r"location", r"outside", r"parked",
           r"across the (?:road|street)", r"end of (?:your|the) (?:road|street)",
           r"door", r"doorstep", r"gate", r"garden", r"window", r"curtains?", r"blinds?",
           r"lights?\b", r"bedroom", r"address", r"street", r"road", r"house", r"home",
           r"flat\b", r"building", r"place\b", r"where you", r"where (?:he|she|they)",
           r"know where", r"found (?:you|out where)", r"staying",
           r"(?:you|where|they) live[sd]?\b",
           r"(?:your|at|from|outside) work\b", r"office", r"gym", r"school",
           r"nursery", r"playground", r"park\b",
           r"station", r"café", r"cafe", r"costa", r"pub", r"shop", r"car\b", r"cars\b",
           r"van\b", r"fiesta", r"corsa", r"reg\b", r"plate", r"keys?\b", r"fob",
           r"code", r"password", r"icloud", r"google", r"account",
           r"phone (?:still|backs|syncs|is still|location)", r"laptop",
           r"logged", r"synced", r"linked", r"camera", r"doorbell", r"ring app",
           r"routine", r"every (?:day|morning|night|tuesday|monday|wednesday|thursday|"
           r"friday|saturday|sunday)", r"walking", r"walk home", r"drive", r"driving",
           r"drove", r"tonight", r"at night", r"dark", r"alone at", r"on your own at",
           r"haircut", r"hair", r"coat", r"dress", r"jacket", r"outfit", r"suits you",
           r"nice (?:top|shoes|boots)", r"this morning", r"last night", r"\d{1,2}[:.]\d\d",
           r"\d{1,2} ?(?:am|pm)", r"coming (?:round|over|for|in|to)", r"come round",
           r"turn(?:ing)? up", r"pop (?:up|round|by)", r"on my way", r"see you soon",
           r"left something"),
    # people and pets close to the survivor
    _words(r"dog", r"cat\b", r"pets?\b", r"horse", r"rabbit", r"kids?\b", r"children",
           r"son\b", r"daughter", r"little one", r"wee one", r"baby", r"boyfriend",
           r"girlfriend", r"fella", r"bloke", r"lover", r"new (?:man|guy|partner|bf|gf)",
           r"him\b", r"he's", r"his\b", r"mum's", r"mother's", r"family", r"sister",
           r"brother", r"parents"),
    # publishing
    _words(r"photo", r"pics?\b", r"pictures?", r"video", r"nudes?", r"naked", r"tape",
           r"recording", r"screenshots?", r"post(?:ed|ing)?\b", r"share", r"upload",
           r"send (?:them|it|these)", r"facebook", r"instagram", r"insta\b", r"tiktok",
           r"online", r"internet", r"everyone will see", r"your boss", r"manager",
           r"employer", r"church", r"group chat", r"expose"),
    # veiled warnings and the law as something to defy
    _words(r"careful", r"watch your", r"watch yourself", r"look(?:ing)? over",
           r"safe\b", r"protect", r"shame if", r"pity if", r"something (?:happen|bad|is "
           r"coming|'s coming|coming)", r"coming for", r"nothing will stop", r"stop me",
           r"police", r"cops?\b", r"restraining", r"injunction", r"order\b", r"judge",
           r"court", r"jail", r"prison", r"won't (?:be|get) (?:able|away)", r"promise",
           r"swear", r"god forgive", r"what i'll do", r"what i will do", r"what i do",
           r"no one will find", r"nobody will find", r"hell\b", r"pay\b"),
    # menace without a named harm: capability, nothing to lose, being near, finding
    _words(r"behind you", r"capable", r"sleep well", r"drag", r"nothing (?:left )?to lose",
           r"come (?:down|up) there", r"scared", r"afraid", r"do time", r"while it lasts",
           r"make it to", r"lesson", r"smile more", r"join\b", r"isolated", r"find out",
           r"new number", r"live to", r"hear (?:you|it)", r"testify", r"born",
           r"tables? (?:behind|away)", r"turn round", r"turn around", r"i'll be there",
           r"head through", r"physically", r"slap", r"always find", r"find you",
           r"clinic", r"go down", r"coming with me", r"how close", r"catch you",
           r"locks?\b", r"neighbours?", r"stops? me", r"round the corner", r"around the "
           r"corner", r"how easy", r"what happens", r"cross(?:es)? me", r"won't like",
           r"regret (?:ever|being)", r"one way or another", r"mark(?:ed)? (?:you|her|him)",
           r"slaughter", r"execut", r"eradicat", r"put an end", r"get rid", r"attack",
           r"tortur", r"kick", r"wait (?:for|outside)", r"shift\b", r"bus stop", r"queue",
           r"(?:you|u) looked", r"how was it", r"alarm", r"pin\b", r"ipad", r"calendar",
           r"whatsapp", r"messages", r"read (?:your|ur|all)", r"diary", r"colleagues",
           r"get (?:to|at) (?:you|u)", r"easy", r"coming in", r"bins", r"walked past",
           r"walk past", r"went past", r"hang\b",
           r"end (?:every|all|their|his|her)", r"passed (?:your|ur)", r"lunch", r"earlier"),
)))

SELF_HARM_CUE = re.compile("|".join((
    _words(r"kill (?:my ?self|me)", r"killing my ?self", r"end (?:it|my|things|this)",
           r"ending it", r"suicid", r"die\b", r"dying", r"dead\b", r"death", r"not (?:be )?"
           r"(?:here|around|alive)", r"won't be (?:here|around)", r"wont be (?:here|around)",
           r"be gone", r"gone (?:by|for good|soon|tomorrow)", r"no longer", r"anymore",
           r"any more", r"can'?t go on", r"can'?t do this", r"no point", r"no reason",
           r"better off", r"without me", r"burden", r"in (?:the|everyone's) way",
           r"goodbye", r"bye\b", r"farewell", r"last (?:message|time|thing|text|night|"
           r"words|one)", r"forgive", r"other side", r"not your fault", r"one last",
           r"tonight", r"sleep (?:forever|and not)", r"wake up", r"world", r"live\b",
           r"living", r"life", r"hurt (?:my ?self|me\b)", r"harm", r"cut", r"wrists?",
           r"blades?", r"razor", r"bleed", r"blood", r"pills?", r"tablets", r"paracetamol",
           r"overdos", r"\bod\b", r"bottle", r"rope", r"hang", r"noose", r"belt",
           r"jump", r"bridge", r"flyover", r"cliff", r"roof", r"edge", r"ledge",
           r"tracks?\b", r"train", r"railway", r"embankment", r"motorway", r"quarry",
           r"river", r"sea\b", r"water", r"drown", r"engine running", r"garage",
           r"fumes", r"hosepipe", r"car park roof", r"long way down", r"stockpil",
           r"enough to", r"lethal", r"letters?", r"(?:my|a|the) will\b", r"funeral", r"insurance",
           r"passwords?", r"affairs", r"sorted", r"sort(?:ed)? out", r"give away",
           r"gave (?:away|my|the|him|her)", r"look after", r"take care of", r"find me",
           r"found (?:him|her)", r"hospital", r"icu", r"a&e", r"ambulance", r"paramedic",
           r"police", r"watch\b", r"psych", r"sectioned", r"talk(?:ed)? (?:him|her) down",
           r"tried to", r"attempt", r"ready", r"plan", r"decided", r"done\b", r"over\b",
           r"finished", r"tired of", r"nothing left", r"the end", r"stop\b",
           r"permanent", r"waking up", r"wake\b", r"saving (?:them|it) up", r"meds",
           r"medicine", r"chemist", r"knife", r"bath\b", r"seeing (?:them|you) again",
           r"loved (?:them|you)", r"love them", r"enough\b", r"sleepy", r"head\b",
           r"stop me", r"coroner", r"swallow", r"the lot\b", r"won't get to",
           r"who'll be around", r"boxes", r"labelled", r"for good", r"ever again",
           r"miss me", r"remember me", r"gone\b", r"given away", r"in order", r"folder",
           r"at peace", r"empty chair", r"make it to", r"made sure", r"hose", r"exhaust",
           r"no more", r"passcode", r"login", r"debits", r"love you all",
           r"quiet soon", r"took all", r"much longer", r"needing", r"need (?:it|them)",
           r"note\b", r"going away", r"(?:him|her)sel(?:f|ves)",
           r"myself (?:with|again|badly)", r"kept in", r"viaduct",
           r"long way", r"sold my", r"good years", r"problem", r"where i'm going",
           r"cancel", r"notice"),
)))


# (r7) The cue lists are English. A message in another language cannot show an English cue,
# so there the gates stand aside and the model's probability alone decides (recall first).
_ENGLISH = frozenset((
    "the", "a", "an", "and", "or", "but", "i", "i'm", "im", "you", "u", "ur", "your", "my",
    "me", "he", "she", "it", "we", "they", "him", "her", "is", "are", "was", "be", "been",
    "have", "has", "had", "do", "did", "don't", "dont", "not", "no", "to", "of", "in", "on",
    "at", "for", "with", "this", "that", "what", "if", "so", "will", "can", "just", "all",
    "know", "see", "go", "get", "from", "up", "out", "about", "when", "how",
))
_WORD = re.compile(r"[a-z']+")


def looks_english(prepared: str) -> bool:
    """False only for a message of four or more words that are nearly all non-English."""
    words = _WORD.findall(prepared.lower())
    if len(words) < 4:
        return True
    return sum(w in _ENGLISH for w in words) >= max(2, len(words) // 10)


def threat_cue(prepared: str) -> bool:
    return THREAT_CUE.search(prepared) is not None or not looks_english(prepared)


def self_harm_cue(prepared: str) -> bool:
    return SELF_HARM_CUE.search(prepared) is not None or not looks_english(prepared)
