"""A small generative grammar for training messages, written for this project from the
taxonomy. Unlike the phrase banks (whole sentences with slots) it composes messages from
parts: a speaker's voice (UK/AU/US, SMS, formal), an act (verb × object × modifier) and
an optional frame (proxy, e-mail, voicemail). `{a|b|c}` picks one alternative (nesting
allowed), `$name` expands a rule of the grammar.
"""

from __future__ import annotations

import random
import re

G: dict[str, list[str]] = {
    # ---- people and things close to the survivor
    "close": ["your {new |}{boyfriend|fella|bloke|man|partner|girlfriend}", "your sister",
              "your brother", "your mum", "your dad", "your nan", "your mate $name",
              "your friend $name", "$name", "the kids", "your son", "your daughter",
              "your housemate", "your new {guy|bf}"],
    "pet": ["the dog", "the cat", "your cat", "your dog", "$name the dog", "that rabbit",
            "your horse"],
    "thing": ["car", "shed", "flat", "house", "windows", "tyres", "front door", "garden",
              "bike", "van", "caravan", "business"],
    "name": ["Kerry", "Dom", "Shaz", "Bianca", "Tariq", "Connor", "Mel", "Hayley", "Wes",
             "Gemma", "Nathan", "Tash", "Reece", "Bronwyn", "Kyle", "Deano", "Marisol"],
    "place": ["the big Sainsbury's", "Woolies", "the servo", "Kmart", "the gym on {Market|"
              "High|Station} Street", "your work", "the school run", "the train station",
              "the leisure centre", "your mum's", "the pub", "Target", "the mall", "church",
              "the dentist", "Bunnings", "the car wash", "Costa", "the park"],
    "when": ["this morning", "last night", "yesterday", "on Saturday", "at lunch", "tonight",
             "earlier", "at 7", "on your way home", "after work", "on Tuesday"],
    "clothes": ["dress", "coat", "jumper", "jeans", "top", "hoodie", "boots", "jacket",
                "haircut", "hair", "scarf"],
    "media": ["photos", "pics", "videos", "that video", "the tape", "screenshots",
              "the pictures from {Ibiza|the hotel|our holiday|that night|the bedroom}",
              "your nudes", "the recordings", "your messages", "your diary"],
    "audience": ["your boss", "your work", "your mum", "your dad", "your church",
                 "your new fella", "the school mums", "everyone on Facebook",
                 "the whole street", "your Instagram followers",
                 "the group chat", "your colleagues", "your kids"],
    # ---- threats: verb × object × modifier, veiled or open
    "threat": [
        "{I'll|I'm gonna|I swear I'll|I will} {smash|torch|wreck|burn|trash|kick in} your "
        "$thing{| $tail}",
        "{I'll|I'm gonna|Imma} {batter|flatten|glass|deck|do|sort out|stab|hurt} "
        "$close{| $tail}",
        "{It'd|Would} be {a real shame|a pity|awful|terrible|such a shame} if "
        "{$pet|$close|your $thing} {had an accident|went missing|got hurt|caught fire|"
        "didn't come home|ended up in the canal|got run over}",
        "Shame if {$pet|$close} {got out|went missing|had an accident} {one night|again|"
        "while you're at work|}",
        "$close should {be careful|watch out|watch his back|watch her back|keep looking over "
        "{his|her} shoulder}{| $tail}",
        "{I know|Funny how I know|Still know} your {routine|timetable|movements|every move}"
        "{. $routine|, $routine|}",
        "$routine{. Just saying.|. Interesting.|. Noted.| 😉|}",
        "{Saw|Spotted|Clocked|Seen} you {at|outside|near|coming out of} $place $when. "
        "{Nice $clothes.|$clothes suits you.|Who was that with you?|You looked {tired|happy|"
        "nervous}.|Didn't see me did you.}",
        "{Nice|Lovely|Love the} {new |}$clothes $when{|. Suits you}",
        "{I know|Funny,} {your|the} {bedroom|kitchen|front room} light {goes off|comes on} at "
        "{10|11|midnight|half 9} every night",
        "{I've|I have|Still got|I kept} {all |}$media{| of you}. {$audience would love them.|"
        "Be a shame if $audience saw them.|Keep ignoring me and $audience gets the lot.|"
        "One click and they're with $audience.|Unless you call me they go to $audience.}",
        "{Answer|Ring me|Drop the complaint|Come back} or $audience {sees|gets|will see} "
        "$media",
        "Things will get {ugly|nasty|very bad|messy} for {you|$close} if you {don't|keep} "
        "{drop it|answer|ignoring me|talking to the police}",
        "{Keep|Carry on} {pushing|ignoring me|talking} and see what happens {to $close|to your "
        "$thing|to you|}",
        "{I've got|Got} {mates|people|lads|friends} who {owe me|would do anything for me}. "
        "{One call|One phone call|One word} and {$close|you} {won't be walking|will be in "
        "hospital|will know about it}",
        "Changing your {number|locks|email} won't {help|stop me|keep me out}{. Got the new "
        "one already.|. Never has.|}",
        "{Your|Ur} {new |}{bloke|fella|boyfriend} {drives|parks|works at|finishes at} "
        "{a black Golf|outside the Co-op|the garage on Mill Road|six}{. Noted.|, doesn't he.|}",
        "You'll be {walking|coming|driving} home {alone|on your own|late} one {night|day} and "
        "{I'll be there|I'll be waiting|you'll see me}",
        "I can {see|read} {every|all your} {message|text|email}s{| you send {him|her}}",
        "{You won't|Won't} {see|live to see} {another birthday|Christmas|the kids grow up}"
        "{ if you carry on| if you go to court|}",
        "Sleep with {one eye open|the lights on|your door locked}{ tonight|}",
        "{Heard|Hear} you're {going|off} to {$name's party|the hen do|Spain|the races|that "
        "gig} {on Saturday|next week|}. {See you there|Might see you there|I'll be around}",
    ],
    "tail": ["you hear me", "mark my words", "I mean it", "try me", "watch", "for real",
             "I'm not joking"],
    "routine": ["Gym on Mondays", "Out the door at 7.40", "Big shop on Thursdays",
                "School run then straight to work", "Dog walk at 6", "Yoga Tuesday nights",
                "Always the same bus home"],
    # ---- self-harm: intent, plan, means, farewell, burden, attempt
    "self_harm": [
        "{I've|I have} {written|left|done} {letters|notes|a letter} for {everyone|the kids|"
        "my mum and you}{. Yours is {in the drawer|on the table|with my brother}|}",
        "{Tell|Please tell} {the kids|Mia|my mum} {I loved them|daddy loved them|I'm sorry}"
        "{. I won't be here to tell them myself|. Bye|}",
        "{I've|I have} {sorted|sorted out|put in order} {my will|the insurance|everything}"
        "{. You won't have to deal with me soon|. It's all in the folder|}",
        "{Gave|Given} away {my|all my} {guitar|clothes|stuff|tools}{ today|}. "
        "{Won't need them|Won't be needing them|Doesn't matter now}",
        "{I won't be|Won't be} a {burden|problem|bother} to {anyone|you|the family} "
        "{much longer|for long|after tonight|soon}",
        "{Everyone|The kids|You} {will|would} be {better off|happier|fine} once I'm gone",
        "{Took|Swallowed|Necked|Downed} {the whole bottle|all my {tablets|meds|pills}|a "
        "whole packet}{. Sorry|. Getting sleepy|. Don't call anyone|}",
        "{I'm|Im} {sat|standing|sitting} on {the edge of the car park roof|the bridge|the "
        "cliff edge|the railway bridge}{. Nobody cares|. Bye|. Don't try to stop me|}",
        "{There's a train at|Next train is at} {11:40|half ten|midnight} and {I'll be in front "
        "of it|I'm going to be on the tracks}",
        "{I cut|Been cutting} {again|deeper} {last night|tonight|this time}{. Not that you "
        "care|}",
        "{I keep|Been} {looking at|holding} the {razor|blades|pills|rope}{. Feels like a way "
        "out|. It would be so easy|}",
        "{This is|Consider this} goodbye{. Look after the kids|. I'm sorry for everything|. "
        "Don't hate me|}",
        "I just wanted to hear your voice one last time{ before I go|}",
        "{I'll|I will} be gone by {morning|the weekend|the time you read this}",
        "{In|At} {A&E|the hospital} {again|}. {They pumped my stomach|I took too many|"
        "Tried to end it}{. Happy now?|}",
        "{Sitting|Sat} in the {garage|car} with the engine running{. Last text|}",
        "I {tied|put} the rope {to|over} the {banister|beam}{ today|}. {Next time I'll go "
        "through with it|Couldn't do it this time}",
        "{No point|Nothing left}{ anymore|}. {You won't hear from me again|Goodbye}",
        "{Been|Went} to {three chemists|the pharmacy twice} {today|this week}. {Got enough "
        "now|Enough to do it}",
        "{the world|Everyone} would be {lighter|better|happier} without me in it",
    ],
    # ---- legal: concrete process in many registers
    "legal": [
        "{Dear|Hi} {Ms|Mr|Mrs} {Harper|Nguyen|O'Brien|Kowalski}, {we are instructed by|we act "
        "for|we represent} {Mr|Ms} {Price|Lowe|Dunn} {in relation to|regarding} {child "
        "arrangements|the divorce|the financial proceedings}. {Please confirm within 14 days "
        "whether you are represented.|A draft consent order is enclosed.|The matter is listed "
        "for $hearing on $date.}",
        "{The|Our} $hearing {has been|is} {listed|moved|adjourned|set down} "
        "{for|to|on} $date{| at $court}",
        "{My|Me} {lawyer|solicitor|attorney|barrister} {says|reckons|wants} {you've got|you "
        "have} until {Friday|the 20th|Monday} to {sign|respond to|file} the {settlement|"
        "response|forms}",
        "{Cafcass|The social worker|The family consultant} "
        "{rang|called|emailed} {me|today}. {They want to speak to you|They're visiting} "
        "before the {hearing|report}",
        "{Police|The cops|PC Hughes} {came round|rang|called} about "
        "{the incident|your complaint|the 12th|the harassment report}",
        "{Court|The hearing|Mediation}'s {on|been moved to|been set for} $date{, the clerk "
        "rang|, check your email|}",
        "{We have|I have|My solicitor has} {filed|lodged|submitted|issued} {an application|a "
        "petition|a motion|the C100|a response} {for|about|regarding} {custody|a prohibited "
        "steps order|contact|the house|child support}",
        "{Your|The} {intervention|protection|non-molestation|restraining} "
        "order {expires|is up for review|was extended} on $date",
        "{Sheriff|The process server|Bailiffs} {is|are} serving the {order|papers} this week",
        "{Child Maintenance Service|Child Support|The CSA} {wants|need|asked for} {my "
        "payslips|your income details|the forms} by $date",
    ],
    "hearing": ["the FHDRA", "the directions hearing", "the final hearing", "mediation",
                "the deposition", "the custody hearing", "the case conference"],
    "court": ["Leeds Family Court", "the Federal Circuit Court", "the county court",
              "Cardiff Civil Justice Centre", "the magistrates'", "Family Court in Parramatta"],
    "date": ["12 March", "the 9th", "Tuesday the 8th", "4 April at 10am", "22 May",
             "next Thursday", "30 July"],
    # ---- logistics, with the idioms that look like safety words
    "logistics": [
        "{I'm dying to|Dying to|Can't wait to} see the kids{ this weekend|}, can {we|I} do "
        "{Saturday|Friday|the 12th} instead{ of Sunday|}?",
        "{The deadline for|Sorting} the {school trip|passport|uniform|nursery} "
        "{money|forms} is killing me, can you {pay your half|send £{40|60|25}|sort it} by "
        "{Friday|tomorrow}?",
        "{I'd|I could} kill for a {coffee|break}{ lol|}, {can we|could you} do "
        "handover at {Costa|Maccas|the servo} instead?",
        "{Jake|Ella|Noah}'s got {tennis|netball|basketball} at the {court|courts} {behind the "
        "leisure centre|at the park}, pick up is {6|half 5} not {5|6}",
        "{Meet|Swap} at the food court {in Westfield|at the mall} at {2|noon}{ for the "
        "handover|}",
        "{Honestly|Tbh} I'm {shattered|skint} {working|doing} extra hours {to pay|for} the "
        "{nursery fees|rent}, can you chip in?",
        "{Handover|Pick up|Drop off} at {the Maccas|the car park|your mum's|the station} "
        "{5pm|at 6|after school} {Sat|Saturday|Sunday}{, I'll be in the car|}",
        "{Vet|The school|The dentist|The GP} {rang|called|texted}, {Bella|Mia|the dog|Leo} "
        "needs {a booster|a check-up|new glasses|a form signed}. Who's {taking|doing} it?",
        "{Hi|Hiya} it's {Paul's|his} {sister|mum|mate}, {he asked me to|just} arrange "
        "picking up his {golf clubs|telly|tools|records}. Would {Saturday|Sunday} work?",
        "{Power|Gas|Water|Internet} bill's {$380|£96|£140} this {quarter|month}{ mate|}, "
        "{I've paid it|it's due Friday}, {reckon you owe me half|can you send your half}",
        "{Mail|Post|Letters} for you {keeps|keep} coming here{. Three from the bank|. And a "
        "parcel|}. {Shall I forward it|Want me to drop it round}?",
        "{You still have|Still got} my {hedge trimmer|drill|ladder|tent|camping gear}, "
        "{need it back|can I collect it {Saturday|this week}}",
        "The {kids'|boys'|girls'} {bikes|scooters|wellies} are {in my shed|at mine}, "
        "{collect them whenever|pick them up Sunday}",
        "{Max|Lucy|Amy} has {a chest infection|an ear infection|nits}, {antibiotics 3 times "
        "a day|drops twice a day|treatment done}{, I'll pack them in his bag|, it's in the "
        "bag|}",
        "{Kids back at 5|Drop off at 9|I'll drop the kids at yours at 9}{, they've had "
        "breakfast|, they've eaten|}",
        "{Mia's|Leo's} got a temperature, {I'll keep her home|keeping him off} and let "
        "school know",
        "{Not that you'd ever think of it, but|FYI} {Amy|Sam} needs new {glasses|shoes|"
        "school trousers}. Send {£60|£40|$80}.",
        "{Thanks|Ta} for the {birthday card|present} you sent {Lucy|Leo}{, she loved it|}",
    ],
    # ---- hoovering, including idioms
    "hoovering": [
        "{Killing it|Absolutely killing it|Smashing it} at {work|uni|the new job} by the looks "
        "of {LinkedIn|Insta|Facebook}. {Proud of you|Always knew you would}{ x|}",
        "{I'm dying to|Dying to} {see you|catch up|hear how you are}{, honestly| tbh|}. "
        "{No one makes me laugh like you|I miss us|Just one drink?}",
        "{You'll|You will} regret this{ when you're on your own| one day|}. {I'll take you "
        "to court|See you in court|I'll get a lawyer} and {you'll lose everything|you'll "
        "get nothing}",
        "{Sorry|Soz} for {everything|how I was}. {You deserved better|I've changed|I'm seeing "
        "someone about my anger}{. Please talk to me|}",
        "{Hi|Hiya} {love|hun}, it's {Sandra|Aunty Pat|Craig's cousin} {from number 12|}. "
        "{He's|Steve's|Your Dean's} {not doing great|in a bad way|asking after you}. "
        "{Might give him a ring?|He just wants five minutes.|He misses you so much.}",
        "{Answer me|Pick up|Reply}. {ANSWER ME|You can't ignore me forever|I'll keep "
        "texting till you do}",
        "{lmao|lol|Honestly} {u think|you think} {he|your new fella|anyone} {wants|will put up "
        "with} {damaged goods|your drama|a psycho}?",
        "{Merry Xmas|Happy Easter|Happy birthday} from {me and the dog|me|all of us}"
        "{ 🎄| x|}{. He still waits by the door for you|. Thinking of you|}",
        "{Saw|Heard} our song {today|on the radio}{. Still gives me goosebumps|. Made me cry|}"
        "{. Nobody compares to you|}",
        "{Long time!|Hey stranger|Hiya you} {Saw this and thought of you|Are you going to "
        "{Leanne's 40th|the reunion}|How's things}{ 😂|?|}",
        "{Did you ever|Have you} {finish|read|watch} that {book|series|film} {I lent you|we "
        "started|you liked}? {Haha|lol|}",
        "{Guess who|Guess what, I} {just got a puppy|passed my test|got engaged|ran a half "
        "marathon|got the job} {🐶|!|😊|}",
        "{Hope|Hoping} the {new job|new flat|course|move} {is treating you well|is going "
        "ok}{. Would be nice to catch up|. Drink sometime?|}",
        "{You were always|You've always been} the {smart|kind|strong|funny} one{. I should "
        "have listened|. I see that now|}",
        "{My|Me} {health|back|heart|nerves} {has|have} {gone downhill|been terrible} since "
        "you {left|walked out}{. Not that you care|}",
        "{Doctor|The GP} says {it's depression|I need rest|it's stress}{. Haven't been out "
        "of bed in days|. Nobody visits|}",
        "{Any|Got any} {good TV|book|podcast} recommendations? You always {knew|know} "
        "{what to watch|the good ones}",
        "{Found|Came across} an old {photo|video|ticket} of {us|the two of us} {at "
        "Glastonbury|in Whitby|from Leeds fest}{ haha|. Good times|}",
        "{Are you|You} {watching|going to} {the final|Tom's leaving do|the match} "
        "{tonight|}? {Reminds me of old times|}",
        "{You still|Still} {make my heart skip|look beautiful|light up a room}{ when I see "
        "your picture|}",
        "{Your|Ur} new {boyfriend|fella} {looks like he'd|would} run a mile if he knew the "
        "real you",
        "{If you keep ignoring me|Answer me or} I'{ll| will} {tell your parents everything|"
        "tell your boss why you were off|go to your family}",
        "{I'll|Ill} see you in court{ and I'll make sure you get nothing|, you'll lose the "
        "lot|}",
    ],
    "other": [
        "{Reminder|Confirmed}: your {tennis|squash|badminton} court booking at {Queens Park|"
        "Riverside Leisure} {is confirmed for|on} {Sat 10:00|Thursday 6pm}",
        "Your {Uber Eats|Deliveroo|DoorDash} order from the food court is on its way",
        "{Killer|Massive} deals {this weekend only|today}! {50%|30%} off at {Boots|Myer|"
        "Target}. Reply STOP to opt out",
        "{Sorry|Soz} wrong number{!|, thought you were my {plumber|landlord|mate}}",
        "the deadline is killing me {lol|ugh}, {sorry|oops} {meant this for|wrong chat, was "
        "for} my {team|work group|sister}",
        "Court {3|2|B} at the {sports centre|club} is {free|available} at {6pm|7}, reply to "
        "book{. Riverside Leisure|}",
        "{Your|The} {Royal Mail|Australia Post|USPS} parcel is held{ at the depot|}. Pay "
        "{£1.99|$2.50} redelivery fee at {royalmail-redelivery.info|auspost-track.co}",
        "This dress is to die for 😍 {new season|shop now} at {ASOS|Zara}",
        "Your {Monzo|Revolut|Barclays} card has been {frozen|unfrozen|renewed}",
        "Your {electricity|gas|water} meter reading is due",
        "Get {20%|15%} off your next {takeaway|order} with code {SAVE20|EAT15}",
        "Thanks for your donation to the {hospice|food bank|RSPCA}",
        "{Hi hun|Hey} it's {Jas|Kim} from {work|yoga}, {can you swap shifts Saturday|are you "
        "coming tonight}?",
        "Hi, are you the person selling the {sofa|bike|pram} on {Facebook|Gumtree}?",
        "Get your free trial {now|today}!",
    ],
}

TACTICS: dict[str, list[str]] = {
    "hoovering": ["flattery", "flattery", "intimidation", "apology", "pity,pretext",
                  "intimidation", "provocation", "pretext", "flattery", "pretext",
                  "pretext", "pretext", "pretext", "flattery", "pity", "pity", "pretext",
                  "pretext", "pretext", "flattery", "provocation", "intimidation",
                  "intimidation"],
}
LOGISTICS_TACTICS = {5: ("pity",), 16: ("provocation",), 17: ("flattery",)}
_PICK = re.compile(r"\{([^{}]*)\}")
_SLOT = re.compile(r"\$([a-z_]+)")


def expand(rng: random.Random, text: str) -> str:
    for _ in range(10):
        text = _SLOT.sub(lambda m: rng.choice(G[m.group(1)]), text)
        while True:
            new = _PICK.sub(lambda m: rng.choice(m.group(1).split("|")), text)
            if new == text:
                break
            text = new
        if "$" not in text:
            break
    return re.sub(r"\s+([.,?!])", r"\1", re.sub(r" {2,}", " ", text)).strip()


def message(rng: random.Random, category: str) -> tuple[str, set[str]]:
    """One composed message and its tactics (the category's own convention)."""
    rules = G[category]
    i = rng.randrange(len(rules))
    text = expand(rng, rules[i])
    if category == "threat":
        return text, {"intimidation"}
    if category == "self_harm":
        return text, {"pity"}
    if category == "hoovering":
        return text, set(t for t in TACTICS["hoovering"][i].split(",") if t)
    if category == "logistics":
        return text, set(LOGISTICS_TACTICS.get(i, ()))
    return text, set()
