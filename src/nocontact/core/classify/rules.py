"""Safety rules, tuned for recall: threat, self-harm, concrete legal process.

They run on `preprocess.prepare` output (lower case, leetspeak and SMS spelling undone).
A rule's name is its reason: it says which cue fired, never quoting the message."""

from __future__ import annotations

import re
from dataclasses import dataclass

from nocontact.core.classify.rules_concepts import CONCEPT_RULES, ConceptRule
from nocontact.core.classify.rules_lexicon import LEXICON_RULES, CoRule
from nocontact.core.taxonomy import Category, Tactic

RULES_VERSION = "r7"

_YOU = r"(?:you|your|you're|youre|you are|yourself|ya)"
_CLOSE = (r"(?:you|your\s+(?:\w+\s+)?(?:family|mom|mum|mother|dad|father|sister|brother|kids?|"
          r"children|son|daughter|baby|dog|cat|pets?|horse|boyfriend|girlfriend|husband|wife|"
          r"partner|friends?|house|home|flat|apartment|car|tires|tyres|place|parents|boss|"
          r"new (?:man|guy|woman|girl|bf|gf|boyfriend|girlfriend)|fiance|fiancee)|him|her|them)")
_HARM = (r"(?:kill|murder|hurt|stab|shoot|strangle|choke|beat|smash|slash|burn|bury|destroy|"
         r"break|end|ruin|drown|run over|poison|torch|cut|finish|get|deal with|punch|hit)")
_DENIAL = (r"(?:never|not|didn't|don't|wouldn't|won't|sorry|mean to|meant to|want to)"
           r"\W+(?:\w+\W+){0,3}$")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    category: Category
    pattern: re.Pattern[str]
    unless_before: re.Pattern[str] | None = None
    tactics: tuple[Tactic, ...] = ()

    def matches(self, text: str) -> bool:
        for m in self.pattern.finditer(text):
            if self.unless_before is None:
                return True
            before = text[max(0, m.start() - 40) : m.start()]
            if not self.unless_before.search(before):
                return True
        return False


def _r(name: str, category: Category, pattern: str, unless: str | None = None,
       tactics: tuple[Tactic, ...] = ()) -> Rule:
    return Rule(name, category, re.compile(pattern),
                re.compile(unless) if unless else None, tactics)


T, S, L = Category.THREAT, Category.SELF_HARM, Category.LEGAL
INT, PITY = (Tactic.INTIMIDATION,), (Tactic.PITY,)

RULES: tuple[Rule, ...] = (
    # --- threat: harm to the user, people or pets close to them, property
    _r("threat: harm to person or property", T,
       rf"\b(?:i'll|i will|i'm going to|going to|gonna|i'm gonna|i could|i should|i swear i'll|"
       rf"i'd|someone will|somebody will|they'll|he'll|next time i'll|i want to|i'm coming to)\s+"
       rf"(?:\w+\s+)?{_HARM}\w*\s+(?:\w+\s+)?{_CLOSE}\b"
       # (r7) "I'll ruin/destroy you in court" is pressure through the law (hoovering +
       # intimidation, taxonomy.md), not harm.
       r"(?!\W+(?:in court|financially|in (?:the )?(?:divorce|settlement|custody)))",
       _DENIAL, INT),
    _r("threat: death wish aimed at user", T,
       rf"\b{_YOU}\s+(?:is\s+|are\s+|'re\s+)?(?:so\s+|going to be\s+|gonna be\s+)?"
       rf"(?:dead|a dead (?:woman|man)|going to die|gonna die|will die|won't live|"
       rf"won't make it|next(?!\s+[a-z]))\b(?! to me)", None, INT),
    _r("threat: kill/hurt wording", T,
       r"\b(?:kill|murder|strangle|stab|shoot)\s+(?:you|ya|your|her|him|them|u)\b|"
       r"\bkill yourself\b|\bend you\b|\bsix feet under\b|\bput you in (?:the )?(?:ground|hospital|"
       r"grave|ditch)\b|\bbody bag\b|\bin a box\b",
       _DENIAL, INT),
    _r("threat: veiled threat", T,
       r"\b(?:watch (?:your|yourself|your back|out)|better watch|be careful (?:walking|driving|"
       r"going|out there|at night)|accidents happen|(?:would be|be a) (?:real )?shame if "
       r"(?:something|anything)|won't see it coming|sleep with one eye open|look over your "
       r"shoulder|you've been warned|(?:last|final) warning\W+(?:\w+\W+){0,4}?(?:next time|or "
       r"else|i won't just|i wont just)|something (?:bad )?(?:might|could|"
       r"will) happen to|you'll get what's coming|what's coming to you|if i can't have you|"
       r"no one (?:else )?(?:can|will) have you|nobody (?:else )?(?:can|will) have you|"
       r"pay for (?:this|what you did) with|you won't be safe|not safe anywhere|"
       r"can't hide (?:from me|forever)|nowhere (?:to|you can) hide|i'll find you|i will find you|"
       r"hunt you|you'll never see (?:the kids|them|your kids|your children) again)\b",
       None, INT),
    _r("threat: bodily harm wording", T,
       r"\b(?:snap|break|smash|bash|cave|kick|punch|rip|slit|cut|ruin|rearrange|mess up)\w*\s+"
       r"(?:your|ur|his|her|their)\s+(?:\w+\s+)?(?:neck|skull|head|face|jaw|legs?|arms?|"
       r"teeth|throat|nose|ribs|knees?)\b|\bteach (?:you|him|her) a lesson\b|\bsort (?:you|him) "
       r"out\b|\bput (?:you|him|her|them) in (?:the )?(?:hospital|a wheelchair|intensive care)\b|"
       r"\blast time you (?:see|ever see|breathe)\b|\bwon't (?:make it|live) to\b|\bregret "
       r"being born\b|\b(?:paper|it|that) burns\b|\bso do houses\b|\b(?:petrol|gasoline) "
       r"(?:through|in|on) your\b",
       _DENIAL, INT),
    _r("threat: veiled threat (reach and consequence)", T,
       r"\bmake (?:you|her|him) disappear\b|\bwon't live (?:to|long enough)\b|\bregret (?:ever )?"
       r"(?:being born|you were born)\b|\bbrought (?:it|this) on yourself\b|\bsleep (?:light|"
       r"tight,? if you can)\b|\bnothing (?:left )?to lose\b|\bfind out what i'm capable of\b|"
       r"\b(?:told|tell|telling) (?:the lads|my mates|people|them|everyone|him|my brother) where "
       r"you (?:live|are|work|stay)\b|\beasy (?:it is )?(?:for me )?to get (?:into|to|in) your\b|"
       r"\b(?:through|out of) a window\b|\bnobody will (?:hear|find|miss) you\b|\byou won't "
       r"know when\b|\bhope your locks\b|\b(?:lock|check|change) your (?:back |front )?"
       r"(?:door|locks|windows|car)\b|\bclose your curtains\b|\bleave your (?:\w+ )?window "
       r"open\b|\bdon't go out alone\b",
       None, INT),
    _r("threat: coming for the user", T,
       r"\b(?:you'd|you had) better hope\b|\bhope (?:i|we) never (?:meet|catch|see|find)\b|"
       r"\b(?:when|once|if) i (?:get|lay) (?:hold of|my hands on) you\b|\bwait (?:till|until) i "
       r"(?:get|see|find|catch) you\b|\byou're (?:going to|gonna) get it\b|\bi'll get you\b|"
       r"\byou'll get yours\b|\byour days are numbered\b|\bcount(?:ing)? your days\b|"
       r"\bi'll come (?:for|after) you\b|\bcoming for you\b|\bbreak every bone\b|"
       r"\b(?:bleed|in blood)\b|\bacid\b|\b(?:go up in flames|on fire|burn(?:s)? (?:down|to the "
       r"ground))\b|\b(?:wreck|ruin|smash|cut|slash) (?:that |your )?(?:pretty )?face\b|"
       r"\bcatch you (?:alone|on your own|in the dark)\b|\bwhen it's (?:dark|just (?:the two of "
       r"us|us|you and me))\b",
       _DENIAL, INT),
    _r("threat: weapon mentioned", T,
       r"\b(?:i (?:have|got|bought|own)|i've got|loaded|my)\s+(?:a\s+)?(?:gun|knife|blade|"
       r"rifle|pistol|shotgun|machete|bat)\b", None, INT),
    # --- stalking and surveillance signals
    _r("threat: stalking (presence)", T,
       r"\b(?:i'm|i am|im|i'll be|i will be|i'm sitting|i'm waiting|i'm standing|i've been "
       r"waiting|i'm parked|i am parked|parked)\s+(?:right\s+)?(?:outside|out front|across "
       r"(?:the|from)|at your|in your|down (?:the|your) (?:street|road)|near your|by your|"
       r"behind you|around the corner)", None, INT),
    _r("threat: stalking (seen)", T,
       r"\bi\s+(?:saw|seen|spotted|watched|noticed)\s+(?:you|ya|your car)\s+(?:at|with|in|"
       r"outside|leaving|going|today|yesterday|tonight|last night|this morning|walking|driving|"
       r"on|coming|getting|kissing|holding|wearing|and)\b|\bi can see you\b|\bi'm watching you\b|"
       r"\bi've been watching\b|\bi watched you\b|\bi followed you\b|\bfollowing you\b|"
       r"\bnice (?:dress|outfit|shirt|jacket|haircut|car) (?:today|tonight|this morning)\b|"
       r"\b(?:that's|thats|what) a nice \w+ (?:you're|you are|you were) wearing\b|"
       r"\bwhat were you doing (?:at|in|with|outside|on)\b|\bhow close i(?:'ve| have)? been\b|"
       r"\b(?:standing|sitting|stood|sat) (?:right )?(?:behind|near|next to|opposite) you\b|"
       r"\b(?:sat|sitting|parked|waiting|stood|standing) (?:outside|opposite|across from) your\b|"
       r"\b(?:check-?in|checked in|location) (?:on|at)\b.{0,40}\bsee you\b|"
       r"\byou were (?:at|in|with|wearing|walking|leaving|outside|on) .{0,40}\b(?:today|"
       r"tonight|yesterday|this morning|last night|earlier|weren't you)\b|"
       r"\b(?:seeing|spotting) you (?:at|in|with|outside|on)\b|\bi was (?:behind you|"
       r"\w+ rows? back|right there|across the road|outside|there too)\b|\bwaiting (?:by|at|"
       r"outside|near|for you (?:at|outside|by)) your\b|\b(?:minutes|mins) (?:from|away from) "
       r"your\b|\bon your doorstep\b|\bleft (?:something|a \w+) (?:on|at|by|outside) your\b|"
       r"\bi know you're (?:home|in there|alone|inside)\b|\bi might (?:join|pop in|come by)\b|"
       r"\bwho's been (?:in|moving|going through)\b|\bi know (?:what|where) (?:he|she|you) "
       r"(?:drives|parks|park|lives|sleeps)\b|\byour (?:new )?(?:flat|house|place) (?:looks|is "
       r"lovely)\b",
       None, INT),
    _r("threat: stalking (location)", T,
       r"\bi know where\s+(?:you|your|the kids|she|he)\b|\bi (?:found|know|got|have) your "
       r"(?:new )?(?:address|location|work address|new place)\b|\b(?:tracking|tracker|track) "
       r"(?:on )?(?:your|you)\b|\bairtag\b|\bgps (?:on|in) your\b|\bfind my (?:iphone|friends)\b|"
       r"\b(?:i'm|i am) coming (?:over|in|round|to your|for you|to get you|to find you)\b|"
       r"\bcome out or\b|\bopen the door\b|\bi know (?:what time|when) you\b|"
       r"\byour (?:new )?(?:address|location) is\b|\bi'm in your (?:house|flat|garden|building)\b|"
       r"\bread your (?:messages|emails|texts)\b|\bi can see your (?:location|messages|emails)\b|"
       r"\b(?:checked|check|checking|watching|saw) your (?:location|find my|snapchat map|live "
       r"location)\b|\b(?:family|location) sharing\b|\bsnap map\b|\bspyware\b|"
       r"\bi (?:can|could) be (?:at|outside) your\b|\bflimsy (?:back |front )?door\b",
       None, INT),
    # --- threats to publish images or private information
    _r("threat: publish images or secrets", T,
       r"\b(?:post|send|share|leak|publish|upload|show|forward|spread|email|text|put)\w*\s+"
       r"(?:\w+\s+){0,4}?(?:your |those |the |our |my )?(?:nudes?|naked|intimate|private|sex|"
       r"explicit|dirty|bedroom)\s*(?:pics?|pictures?|photos?|videos?|vids?|tapes?|images?|"
       r"messages?|texts?|stuff)?\b|\b(?:everyone|the whole world|your (?:boss|family|mum|mom|"
       r"parents|kids|friends|church|work)) (?:will|is going to|gonna) (?:see|know|find out|"
       r"hear)\b.{0,30}\b(?:pics?|pictures?|photos?|videos?|vids?|tapes?|screenshots?|texts?|"
       r"messages?|secrets?|what you)|"
       r"\b(?:tell|send|show)\w* (?:your )?(?:boss|employer|work|hr|family|parents|"
       r"mum|mom|church|new (?:man|guy|boyfriend|girlfriend))\b.{0,40}\b(?:about|what you|"
       r"pictures?|photos?|videos?|secrets?|everything|texts?|messages?)\b|\b(?:post|put) "
       r"(?:your )?(?:address|number|secrets?)\b|\byour nudes\b|\b(?:nudes?|naked "
       r"(?:pics|photos)|sex tape)\b.{0,40}\b(?:online|everyone|group chat|internet|facebook|"
       r"instagram|send|post|share|going up)\b",
       None, INT),
    # --- self-harm: intent, plan, attempt
    # r6, from error analysis on seen rounds 3, 4 and 8
    _r("threat: protection will not last", T,
       r"\b(?:not going to|won't|will not|can't|cannot) (?:be able to )?protect (?:you|her|him)"
       r" (?:forever|for ever|for long|always)\b|\b(?:house|home|flat|car|place)(?:'s)? "
       r"(?:burns|goes up|gets torched)\b|\b(?:he's|he is|she's|she is|i'm|i am) watching "
       r"(?:the|your) (?:house|flat|place|door)\b|\bwhat happened (?:the )?last time you "
       r"crossed me\b|\b(?:photos|pictures|pics|videos?) (?:\w+ )?(?:would|will) look "
       r"(?:\w+ )?on a billboard\b|\b(?:he|she|they) knows? where you(?:'re| are)? "
       r"(?:living|staying|live|work)\b|\b(?:brakes|brake lines?|tyres|tires|wheel nuts) "
       r"(?:might|may|could|would) (?:want|need) (?:checking|looking at|a look)\b|"
       r"\b(?:you'll|you will|you're going to|ur gonna|you'd) (?:be|end up|wake up) in (?:a )?"
       r"(?:hospital bed|wheelchair|body bag|coffin)\b|\bfrom (?:a|your) hospital bed\b",
       _DENIAL, INT),
    _r("self_harm: reported rescue or injury", S,
       r"\bfound (?:him|her) with (?:his|her) wrists\b|\btalk (?:him|her) down (?:off|from)\b|"
       r"\bwhatever happens tonight,? (?:it's|it is) not your fault\b|\bsomeone who'll be "
       r"around\b|\b(?:labelled|labeled) for (?:people|everyone)\b|\bbeen sat here (?:for )?"
       r"(?:an hour|hours)\W+(?:\w+\W+){0,3}don't (?:try to )?stop me\b", None, PITY),
    _r("self_harm: suicide intent", S,
       r"\b(?:kill|killing|hang|hanging|hurt|hurting|cut|cutting|harm|harming|shoot|shooting|"
       r"drown|end|ending|off)\s+myself\b|\bsuicid\w*|\bend (?:it all|my life|everything|it "
       r"tonight|it now|it today|things)\b|\btonight i end it\b|\bi(?:'m| am)? (?:going to )?end "
       r"it\b|\btake my (?:own )?life\b|\bdon't want to (?:live|be alive|be here|wake up)\b|"
       r"\bno (?:reason|point) (?:to|in) (?:live|living|going on)\b|\bwon't be (?:here|alive|"
       r"around) (?:tomorrow|much longer|by|for long|anymore)\b|\bbetter off (?:dead|without me)\b|"
       r"\bnot (?:going to|gonna) be around\b|\bself[- ]?harm\w*|\bwant to die\b|"
       r"\bready to die\b|\bi'm done living\b"
       , None, PITY),
    _r("self_harm: method or plan", S,
       r"\b(?:took|taking|take|swallowed|swallow|got|have|saved up|stockpiled)\s+(?:all\s+|a\s+)?"
       r"(?:of\s+)?(?:my|the|these|those|a bottle of|bottle of|a whole bottle|enough|a handful of)?"
       r"\s*(?:pills|tablets|sleeping pills|painkillers|meds)\b(?!.{0,20}\b(?:for|to the|with)\b)|"
       r"\boverdos\w*|\bslit\w* (?:my )?wrists?\b|\bjump (?:off|from|in front)\b|"
       r"\bnoose\b|\brope is ready\b|\bgoodbye (?:forever|for good|world|everyone)\b|"
       r"\bthis is my (?:last|final) (?:message|text|goodbye)\b|\bsuicide note\b|"
       r"\bwrote (?:a|my) (?:note|letter) for\b|\bi(?:'ve| have)? tried to (?:kill|end|hurt)\b|"
       r"\bin (?:the )?(?:hospital|er|a&e|psych ward) (?:after|because) i (?:tried|took|cut)\b|"
       r"\b(?:razor|blade|noose|rope|paracetamol|co-codamol|tylenol|painkillers|sleeping pills|"
       r"exhaust|hosepipe|carbon monoxide)\b.{0,60}\b(?:myself|in front of me|ready|tonight|all "
       r"day|an hour|for hours|looking at|wrists?|garage|enough|saving|stockpil\w*|not scared)\b|"
       r"\b(?:cliff|cliffs|train tracks|railway line|motorway bridge|the edge|the ledge|roof of)\b"
       r".{0,40}\b(?:sitting|standing|here now|tonight|going to|gonna|jump)\b|"
       r"\b(?:walk|walking|going) into the (?:sea|river|lake|water|traffic)\b|"
       r"\bfinish what i started\b|\bbefore it worked\b|\bdidn't work\b.{0,30}\btry again\b|"
       r"\b(?:psych unit|psych ward|psychiatric ward|sectioned|stomach pumped)\b|"
       r"\bleft (?:letters|notes|a letter|a note) for\b|\bmade my peace\b|\b(?:the|my) last "
       r"night\b.{0,20}\b(?:alive|on earth|ever)\b|\btonight is the (?:last|night)\b|"
       r"\bwon't be waking up\b|\bnever wake up\b|\bdon't want to exist\b|"
       r"\bcan't go on\b(?! like this)|"
       r"\bnothing (?:left )?to live for\b|\bi've got a plan\b|\bthis is goodbye\b",
       None, PITY),
    # --- concrete legal process
    _r("legal: court or hearing date", L,
       r"\b(?:(?<!be )(?<!been )(?<!keep )hearing(?! from)|court date|(?<!free )trial"
       r"(?! (?:period|version|separation|run|offer|membership))|arraignment|court appearance|"
       r"directions appointment|"
       r"fhdra|first appearance|pre-trial|pretrial|status conference|case management conference|"
       r"deposition|mediation (?:session|appointment|date|meeting)|miam|custody (?:hearing|"
       r"evaluation|evaluator|review)|family court on|court on|court at|in court on)\b"
       r"(?!.{0,30}\b(?:aid|hearing aid)\b)"),
    _r("legal: lawyer or solicitor acting", L,
       r"\b(?:my|your|his|her|our|the)\s+(?:attorney|lawyer|solicitor|barrister|counsel|"
       r"paralegal|legal team|legal representative)\s+(?:has\s+|have\s+|will\s+|is\s+|just\s+)?"
       r"(?:filed|sent|served|emailed|e-mailed|written|wrote|contacted|called|drafted|submitted|"
       r"lodged|scheduled|requested|received|asked|informed|advised|confirmed|is drafting|"
       r"be in touch|be contacting|be writing|reach out)\b|\b(?:on behalf of|we act for|we "
       r"represent|acting for) (?:our|my) client\b|\bour client\b|"
       r"\blaw (?:office|firm|offices) of\b|"
       r"\bwithout prejudice\b|\besq\.?\b"),
    _r("legal: filing, order or service", L,
       r"\b(?:filed|file|filing|served|serve|serving|serves|service of|lodged|submitted)\s+"
       r"(?:\w+\s+){0,3}?"
       r"(?:papers|petition|motion|application|divorce|complaint|summons|subpoena|order|"
       r"affidavit|declaration|response|c100|form|paperwork)\b|\b(?:protective|restraining|"
       r"protection|non-molestation|occupation|prohibited steps|child arrangements|custody|"
       r"no-contact|no contact|emergency|ex parte|interim|consent|court|final|divorce|"
       r"parenting|gag) order\b|\bsubpoena\w*|\bsummons\b|\bcase (?:number|no\.?|#|ref)\b|"
       r"\bdecree (?:nisi|absolute)\b|\bdocket\b|\bclaim (?:number|form)\b|\baffidavit\b|"
       r"\bcourt (?:papers|documents|forms|fees|clerk|order|registry|filing)\b|\bprocess server\b|"
       r"\bbeing served\b|\bget served\b|\bbeen served\b|\bcafcass\b|\bguardian ad litem\b|"
       r"\bparenting plan\b.{0,40}\bcourt\b|\b(?:magistrates|tribunal|barrister|bailiffs?|"
       r"court listing|listed for|fact-finding|section 7|c100|c1a|form e|acknowledg(?:e)?ment of "
       r"service|directions hearing|return date|final hearing|first hearing|consent order|"
       r"divorce application|application has been issued)\b|\bpc [a-z]+ (?:came|called|said|"
       r"wants|will|asked|rang)\b"),
    _r("legal: police involvement", L,
       r"\b(?:police|cops|officer|detective|sheriff|constable)\b.{0,60}\b(?:report|statement|"
       r"interview|station|case|called|contacted|came|visited|want|wants|asked|crime number|"
       r"reference|incident)\b|"
       r"\b(?:police|crime|incident) (?:report|reference|ref) (?:number|no|#)|"
       r"\bcrime number\b|\bwelfare check\b|\bbail conditions\b|\bcharged with\b|\barrested\b"),
    _r("legal: official deadline", L,
       r"\b(?:deadline|due date|must respond|respond by|reply by|within \d+ days)\b.{0,80}"
       r"\b(?:court|filing|petition|motion|order|tribunal|judge|response)\b|"
       r"\b(?:court|judge|tribunal|magistrate)\b.{0,60}\b(?:deadline|by \w+day|ordered|"
       r"adjourned|rescheduled|moved|listed|set|scheduled)\b"),
)


@dataclass(frozen=True, slots=True)
class RuleHit:
    category: Category
    tactics: tuple[Tactic, ...]
    reasons: tuple[str, ...]


def apply_rules(prepared_text: str) -> RuleHit | None:
    """Most urgent category any rule found, with every firing rule's name as a reason."""
    every: tuple[Rule | CoRule | ConceptRule, ...] = (*RULES, *LEXICON_RULES, *CONCEPT_RULES)
    fired = [rule for rule in every if rule.matches(prepared_text)]
    if not fired:
        return None
    order = list(Category)
    best = min((r.category for r in fired), key=order.index)
    tactics = tuple(dict.fromkeys(t for r in fired if r.category == best for t in r.tactics))
    reasons = tuple(dict.fromkeys(r.name for r in fired))
    return RuleHit(best, tactics, reasons)
