"""Boundary grammar (r6): short intimidation, provocation, pity and flattery that stay
`hoovering` under taxonomy.md, next to the real threats and self-harm they must not swallow.

Each act is (category, tactics, pattern); patterns use the `{a|b}` and `$slot` notation of
training_grammar.py. Written for the "false threat alarm" problem: ultimatums, "answer me",
"you'll regret this", "you'll end up alone", insults, "look what you did to me" are
hoovering; harm, surveillance, publishing and self-harm intent are not.
"""

from __future__ import annotations

B: dict[str, list[str]] = {
    "you": ["you", "u", "ya"],
    "insult": ["liar", "joke", "child", "snake", "fraud", "waste of space",
               "narcissist", "user", "drama queen", "mess", "disgrace", "loser",
               "headcase", "attention seeker", "cold fish", "selfish cow", "spoilt brat"],
    "rel": ["mum", "dad", "sister", "brother", "nan", "mates", "friends", "family",
            "therapist", "boss", "ex before me"],
    "deadline": ["tonight", "tomorrow", "Friday", "the weekend", "6pm", "midnight",
                 "the end of the day", "Monday", "this week"],
    "contact": ["answer", "ring me", "call me", "reply", "text me back", "pick up",
                "talk to me", "respond", "get back to me", "message me"],
    "feel": ["sorry", "regret this", "regret it", "wish you'd listened", "kick yourself",
             "look back on this and cringe", "realise what you threw away"],
    "lonely": ["end up alone", "die alone", "be on your own forever", "never find anyone",
               "be lonely", "end up bitter and alone", "grow old on your own"],
    "state": ["can't sleep", "can't eat", "can't work", "can't stop crying",
              "haven't left the house", "look ten years older", "lost my appetite",
              "am falling apart", "am a wreck", "barely function"],
    "compare": ["come close to you", "get me like you did",
                "make me feel like you do", "replace you"],
    "memory": ["the beach", "our old street", "the cinema", "the market",
               "the garden centre", "the bookshop", "your favourite pub", "the chippy"],
    "tail": ["", "", " think about it", " x", ".",
             " honestly", " 🙄", " !!", " tbh", " mark my words"],
}

HOOVERING: list[tuple[str, str]] = [
    ("intimidation", "{{$contact|{$contact} {now|NOW|right now|immediately}}.|"
     "{$contact}!|{$contact}. I mean it.}"),
    ("intimidation", "{$contact} {your|ur} {phone|messages|texts}{.| now.|!}"),
    ("intimidation", "{You've got|You have|U got} until $deadline{ to $contact|}{. Then "
     "I'm done|. After that don't bother|. Last chance|}$tail"),
    ("intimidation", "{Last chance|Final warning|This is your last chance}{ to $contact|"
     " before I give up on being nice| before I stop being patient|}$tail"),
    ("intimidation", "{You'll|You will|Ull|You're gonna} $feel{| one day| when it's too "
     "late| when you're older}$tail"),
    ("intimidation", "{I'm|Im} done being {patient|nice|reasonable|the good guy}{. $contact|"
     "|. Your choice}$tail"),
    ("intimidation", "{Don't|Do not} {ignore me|push me|test me|blank me}{ again|}{. "
     "$contact|}$tail"),
    ("intimidation", "{I'm so|SO} {angry|furious|livid|sick of this}{. $contact|"
     " I can't think straight|}$tail"),
    ("intimidation", "{I'll|I will} {keep texting|keep calling|keep messaging} {till|until} "
     "{you $contact|you answer|you talk to me}$tail"),
    ("intimidation", "{Keep ignoring me and|Ignore me and} {see what happens to us|we're "
     "finished for good|I'll tell everyone the truth about you|I'll tell your $rel "
     "everything}$tail"),
    ("intimidation,provocation", "{You're going to|You'll|Ur gonna} $lonely$tail"),
    ("intimidation,provocation", "{Nobody|No one} {else |}{will ever|is ever going to} "
     "{put up with you|want you|love you like I did}$tail"),
    ("intimidation,provocation", "{You'll be|Ull be} {crawling|running|begging} back"
     "{ in a month| soon| by Christmas|}$tail"),
    ("provocation", "{{ur|you're|You are} {such a|a|a pathetic|a total} $insult}$tail"),
    ("provocation", "$insult{.|!|}"),
    ("provocation", "{Your|Ur} $rel {warned|tried to warn} me about you$tail"),
    ("provocation", "{Everyone|All your $rel|Your own $rel} {knows|know|think|says} "
     "{what you're really like|you're the problem|you're a $insult}$tail"),
    ("provocation", "{Typical|Classic|Pathetic}. {Running away again|Hiding again|Playing "
     "the victim again}$tail"),
    ("provocation", "{Hope|Hope you're happy} {he knows|your new fella knows} what he's "
     "getting{. A $insult|}$tail"),
    ("pity", "{Look|Just look} {what you did to me|what you've done to me|at what you've "
     "turned me into}{. I $state|}$tail"),
    ("pity", "I $state{ since you left| since you went| because of you|}$tail"),
    ("pity", "{You|U} broke me{. I hope you're happy|. I $state|}$tail"),
    ("pity", "I don't {even |}{recognise|know} {myself|who I am} {anymore|these days|now}"
     "{. $contact|. {This|That}'s what you did|}$tail"),
    ("pity", "I {barely|hardly} know myself {anymore|these days}{. $contact|}"
     "$tail"),
    ("pity", "{Nobody|No one} {checks on me|cares about me|asks how I am} "
     "{anymore|now}{. Not even you|}$tail"),
    ("pity", "{Spent|Spending} {Christmas|my birthday|the weekend|Sunday} on my own. "
     "{Thanks for that|Hope you're proud|Not that you care}$tail"),
    ("flattery", "{No one|Nobody} will ever $compare$tail"),
    ("flattery", "{Walked|Drove|Went} past $memory {today|earlier|this morning}. "
     "{Thought of you|Miss you|Made me smile} {❤️|x|}"),
    ("flattery", "{You were|You're} the {love of my life|best thing that ever happened to "
     "me|only one who got me}$tail"),
    ("flattery,pity", "I still {miss you|think about you|dream about you} every "
     "{day|night}. {It hurts|I can't help it|}$tail"),
    ("pretext", "{Happy|Hope you have a good} {birthday|Christmas|new year|bonfire night}"
     "{. Thinking of you|. Miss you|}$tail"),
    ("apology,pity", "I'm {so |}sorry. I {know|realise} I {messed up|hurt you}. I $state"
     "$tail"),
]

# Contrasts kept in the same short register so the model learns the line, not the length.
THREAT: list[str] = [
    "{You'll|You will} regret this when {I'm at your door|you see what I do to your "
    "{car|flat|face}|I find you}$tail",
    "{Answer|Pick up} or I'm {coming round|coming in|kicking the door in}$tail",
    "{You've got|You have} until $deadline or {I come round|your $thing gets it|I hurt "
    "{him|your new fella}}$tail",
    "{I know|I found out} where {you're staying|you live now|you work}{. See you soon|}"
    "$tail",
    "{I'm|Im} {outside|parked outside|across the road|at the end of your street}{ right now|}"
    "$tail",
    "{Saw|Seen} you at $place $when{. Who was he|. Nice coat|}$tail",
    "{Answer me|Reply} or the {photos|videos|pics} go to your {boss|mum|work}$tail",
    "{You'll|Ull} end up {in hospital|in a ditch|hurt|in the ground} if you {keep this up|"
    "go to the police}$tail",
    "{Watch|Better watch} {yourself|your back|your step}{ walking home| at night|}$tail",
    "{Shame if|Be a shame if} {the dog|your cat|your car} {went missing|had an accident}"
    "$tail",
]

SELF_HARM: list[str] = [
    "{Look what you did to me|You broke me}. {Tonight I end it|I've got the pills ready|"
    "I won't be here tomorrow}$tail",
    "I {can't|cant} do this anymore. {I'm going to kill myself|Goodbye|This is the last "
    "message you'll get from me}$tail",
    "{Took|Taken} {all|the whole box of} my {tablets|pills}{. Sorry|. Bye|}$tail",
    "{Everyone|You} would be better off {without me|if I was dead}. {Tonight|Soon}$tail",
]

THING_PLACE: dict[str, list[str]] = {
    "thing": ["car", "flat", "windows", "tyres", "van"],
    "place": ["the gym", "Tesco", "your work", "the station", "the park", "your mum's"],
    "when": ["today", "last night", "this morning", "at lunch"],
}
