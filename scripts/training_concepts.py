"""Concept grammar (r5) for training messages: implicit self-harm composed from cue families
(farewell, possessions given away, affairs arranged, burden, means, the sender at a place of
ending), self-harm reported about the ex by a proxy, surveillance stated as the sender's
current knowledge (devices, keys, codes, home details, routine, new partner), and hard
negatives that borrow the same words (keys, bridges, pills, location sharing, overwork
idioms). Written for this project from the taxonomy; `{a|b}` and `$slot` as in
training_grammar.py.
"""

from __future__ import annotations

import random

from training_grammar import expand

C: dict[str, list[str]] = {
    "farewell": [
        "Thank you for the good years{. I mean that|}", "I love you all{, always|}",
        "See you on the other side{ maybe|}", "This is my way of saying goodbye",
        "Don't blame yourself{ for any of this|}", "I'm at peace now",
        "By the time you get this {I'll be gone|it'll be done}",
        "{Kiss|Hug} the kids for me{ every night|}", "It'll be quiet {soon|for you now}",
        "You won't have to deal with me {much longer|after tonight}",
        "No more {rows|calls|drama} from me, ever", "I'm checking out",
        "You'll need {the deeds|them|the car} soon"],
    "possession": [
        "{Took|Dropped} {the cat|my dog|the budgie|the rabbits} {round|over} to {my mum's|our "
        "Kel's|the rescue centre} {for good|to keep}", "I've put the dog with my mum",
        "{My|The} {fishing gear|record collection|tools} {goes|is going} to {your brother|the "
        "lad next door|Kel}", "{Sold|Gave away} {everything|all my gear|my bike and the telly} "
        "{this week|today}, won't need {it|any of it}",
        "Everything's labelled {with names|for who gets it}"],
    "arranged": [
        "{Updated|Signed} my will{ at the solicitor's| this morning|}",
        "{The|My} life insurance {pays out|covers} {the mortgage|everything}{, it's all in "
        "order|, I checked}", "{Paid|Cleared} off {the credit card|all my debts|the loan} {so "
        "nobody's left with it|today}", "{My|The} {PIN|phone passcode|login} {is|'s} written "
        "{on the back of the photo|in the diary}", "{Cancelled|Stopped} my {direct debits|phone "
        "contract|standing orders}", "{Wrote|Written} {a note|notes|a letter} {to|for} "
        "{everyone|mum and the kids|you}"],
    "burden": [
        "{I'm|Im} {dragging everyone down|nothing but trouble|just in the way}",
        "{They|You|Everyone} {would|'d} be {happier|lighter|free} {once I'm gone|without me "
        "around}", "{No one|Nobody} {will|would} {notice|even miss} {me|an empty chair}"],
    "means": [
        "{Bought|Got} {a rope|paracetamol from three different shops|a length of hose} "
        "{today|this afternoon}", "{Stockpiled|Been hoarding} {my tablets|sleeping pills|"
        "painkillers} {for a month|since Easter}", "{Googled|Looked up} how {many|much} {it "
        "takes|would do it}", "{Tablets|Pills} {lined up|counted out} on the {table|bedside}",
        "The {blade's|knife's} {on the side|in my hand}"],
    "place": [
        "{Parked|Sat|I'm} {up|out} {by|at|on} {the quarry|the cliffs|the old viaduct|the dam|"
        "the railway line|the headland|the harbour wall|the motorway bridge} {tonight|right "
        "now|now}{. {The water looks|It's} {so dark|calm|cold}|. Long way down|}"],
    "proxy": [
        "{It's|This is} {Dawn|Shelley|Rob}, his {auntie|neighbour|work mate}. He {overdosed|"
        "tried to hang himself|was found unconscious|tried to take his own life} {on Friday|at "
        "the weekend|yesterday}{. He's on {ward 9|a drip|suicide watch}|}",
        "{Auntie|Neighbour} here. She {tried to take her own life|overdosed|hurt herself "
        "badly} {yesterday|on Friday}{. She's {in the Royal|being kept in}|}",
        "{Craig's|Paul's|Lee's} {saying|been saying} he'll {end it|kill himself|hang himself} "
        "unless you {answer|come round}"],
    "jab": ["Sleep tight", "Lock up properly", "I know more than you think",
            "Don't think you can hide", "Think about that", "Can't hide from me",
            "Sweet dreams"],
    "watch": [
        "{Your|Ur} {car|phone|watch|tablet} {is still|'s still} {paired|synced|connected|linked} "
        "{with|to} my {account|Google|Apple ID}{. $jab|}",
        "{The|That} {tracker|GPS unit|AirTag} {is still|'s still} {in|under} {your|the} "
        "{car|boot|handbag}{. $jab|}",
        "{No|There's no} {chain|alarm|camera} on {your|the} {front door|flat|back door}, {is "
        "there|eh}", "Had a spare {cut|made} of {your|the} {front door|flat} "
        "key{s|}{. $jab|}", "{Know|I know} {the|your} {alarm|door|gate} {code|PIN} {off by "
        "heart|still}{. $jab|}",
        "{Saw|Noticed} {your|ur} {bathroom|landing|hall} light {on|go off} at {1am|4am|"
        "midnight}{. $jab|}",
        "{Your|Ur} {new |}{fella|bloke|girlfriend|partner} {drives a black Audi|parks round the "
        "corner|works nights|finishes at six}{. $jab|}",
        "{Every|Each} {Monday|Wednesday|Friday night} you {go|drive|walk} {to the gym|past the "
        "chippy|to your mum's} {at 7|around 6|after work}{. $jab|}",
        "{Drove|Walked|Cycled} past {your flat|yours|your work} {at midnight|three times|"
        "yesterday}{. $jab|}",
        "{I can|Still can} see {your|ur} {location|calendar|search history|WhatsApp} {from|on} "
        "my {iPad|phone}{. $jab|}",
        "{I still get|Still getting} {your|ur} {bank alerts|emails|parcel notifications} "
        "{on|to} my {phone|email}{. $jab|}"],
    "logistics": [
        "{The|Our} {allotment|garage|loft} key {is|'s} in the key safe, code's in my email, "
        "{grab the bikes|get the paddling pool} whenever",
        "Can you {post|leave} the {caravan|storage unit|shed} key {through my door|with Dad}?",
        "{Toll|Road} bridge is {shut|jammed}, I'll be {20 mins|half an hour} late for "
        "{pick-up|the kids}", "{Zac's|Ivy's} {eczema cream|hay fever tablets|Calpol} {is|are} "
        "in the {wash bag|side pocket}, {one a day|after tea}",
        "I'm killing myself {working weekends|doing doubles|with overtime} to {cover the rent|"
        "pay for braces}, can you {chip in|split it} this month?",
        "{Send|Text} me {your|the} ETA {when you set off|from the motorway} and I'll {bring "
        "them out|have their coats on}", "{Ivy's|Zac's} phone {tracking|Find My} {isn't "
        "working|needs turning on} before the {residential|school trip}, can you sort it?",
        "Final bit for today: {PE kit|the lunch money|the reading folder} {is|'s} in {the "
        "boot|Zac's bag}", "{I'm|Im} shattered, can we {move|shift} pick-up to {Monday|the "
        "morning}?"],
    "hoovering": [
        "Drove over the {Severn|toll} bridge {today|yesterday} and thought of {our trip to "
        "Wales|you}. {Good times|Miss those days}",
        "I'm {finished|through} {arguing|shouting}. Let's just {be grown-ups|get along} for "
        "the kids' sake", "Would it kill you to {reply|say hi} once?"],
    "other": [
        "{Boots|Lloyds Pharmacy}: your {repeat prescription|medication} {is ready|can be "
        "collected} from {Monday|today}", "{Google|Apple}: your {account|location history} "
        "was {viewed|signed in} on a {Windows PC|new phone}. Not you? Secure your account.",
        "{Reminder|Heads up}: your {trial|membership} {expires|runs out} {at midnight|"
        "tomorrow}"],
}

SELF_HARM_PAIRS = (("farewell", "arranged"), ("possession", "farewell"), ("burden", "farewell"),
                   ("means", "farewell"), ("arranged", "burden"), ("possession", "burden"),
                   ("place", "farewell"), ("means", "burden"), ("place", ""),
                   ("proxy", ""), ("proxy", ""))
COUNTS = {"self_harm": 350, "threat": 350, "logistics": 250, "hoovering": 90, "other": 60}
TACTICS = {"self_harm": ["pity"], "threat": ["intimidation"], "logistics": [],
           "hoovering": ["pretext"], "other": []}


def concept_message(rng: random.Random, category: str) -> tuple[str, list[str]]:
    if category == "self_harm":
        first, second = rng.choice(SELF_HARM_PAIRS)
        parts = [expand(rng, rng.choice(C[first]))]
        if second:
            parts.append(expand(rng, rng.choice(C[second])))
            rng.shuffle(parts)
        text = rng.choice([". ", ".\n", " ", "... "]).join(parts)
    elif category == "threat":
        text = expand(rng, rng.choice(C["watch"]).replace("$jab", rng.choice(C["jab"])))
    else:
        text = expand(rng, rng.choice(C[category]))
    tactics = list(TACTICS[category])
    if category == "hoovering" and "kill you" in text:
        tactics = ["pity"]
    return text, tactics
