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
        "Look after yourself{, properly| for me|}", "I won't be {around|here} to {see it|bother "
        "you|see them grow up}", "{It's|Its} not your fault{, remember that|. None of it|}",
        "{Forgive me|Sorry for all of it|I'm sorry for everything}",
        "After {tonight|this weekend} {you won't hear from me|it'll all be quiet|nobody has to "
        "deal with me}", "{Don't|Do not} {try to find|come looking for} me",
        "{I've|Ive} made my peace{ with it| with everything|}",
        "{This is|That's} the {last|final} {thing|text} you'll {get|hear} from me",
        "{It'll|It will} all be over {soon|by morning}", "{Tell|Give} {the kids|my mum|our "
        "Jade} {I love them|a hug from me}", "{Please remember|Remember} I {loved you|tried}",
        "You'll need {it|them|these} {soon|after}", "I'm checking out{ for good|}",
        "Nothing left {to sort|to do} now", "I won't get to {say it|see them} myself"],
    "possession": [
        "{Gave|I've given|Dropped} {the dog|my cat|Rex|Bella|my tools|my bike|my medals|my "
        "PlayStation} {to|round to|off with} {my sister|the neighbours|next door|my brother|"
        "Uncle Phil|the rescue}", "{My|The} {watch|ring|records|van} {is|are} yours now",
        "{Labelled|Boxed up} my {things|stuff|clothes} for {people|who gets what|the kids}",
        "You can have {my|the} {car|tools|telly|bike}{, I won't need it|}"],
    "arranged": [
        "{The|My} {passwords|bank details|pin numbers|insurance papers} {are|is} in {the "
        "drawer|the tin under the bed|a folder on the desk|the envelope by the kettle}",
        "{I've|Ive} {sorted|written|updated} my will", "{The funeral|My funeral} {is paid "
        "for|plan's sorted|is all arranged}", "{Handed in my notice|Cleared out my locker|"
        "Cancelled my phone contract|Gave the landlord the keys back}",
        "{Letters|Notes} for {each of you|everyone|the kids} {are|is} {in the drawer|on the "
        "table|in my room}"],
    "burden": [
        "{Everyone|You all|The kids} {would be|will be} better off{ without me|}",
        "I'm {just |}{a burden|a weight on everyone|in everyone's way}",
        "{Nobody|No one} would {notice|miss me|care}{ if I wasn't here|}",
        "I ruin everything I touch"],
    "means": [
        "{I've|Ive} {got|saved|been saving|bought} {the rope|enough tablets|my prescriptions|a "
        "hosepipe|a box of paracetamol}{ ready| now| in the car|}",
        "The {car|tank}'s full {of petrol|}{ and the garage door's shut|}",
        "{Swallowed|Took} {the lot|everything in the cabinet|all my meds}"],
    "place": [
        "{Standing|Sitting|Sat|Stood|I'm} {on|at the top of|at the edge of|by} {the cliffs|the "
        "bridge|the quarry|the viaduct|the pier|the top floor of the car park|the flyover|the "
        "railway line|the river|the reservoir|the headland}{ now| tonight|}. {It's|Its} "
        "{quiet|peaceful|dark|cold|windy} {up here|out here|here}"],
    "proxy": [
        "{This is|It's} his {sister|mum|brother|dad|mate|flatmate|cousin}. He {tried to hang "
        "himself|took an overdose|cut his wrists|tried to end it|swallowed a load of pills|had "
        "to be talked down off {the bridge|a roof}} {last night|on Tuesday|this morning}"
        "{. He's in {A&E|hospital|ICU}|}{. {I thought you should know|Please call|He's asking "
        "for you}|}",
        "{This is|It's} her {sister|mum|brother|dad|mate|cousin}. She {tried to hang "
        "herself|took an overdose|cut her wrists|tried to end it|swallowed a load of pills} "
        "{last night|on Tuesday|this morning}{. She's in {A&E|hospital|ICU}|}{. {I thought you "
        "should know|Please call}|}",
        "{Gaz|Dean|Lee|Mo} {is|'s} {threatening to|saying he'll} {kill himself|end it} if you "
        "{don't ring|won't talk to him}{. I'm scared|. Please|}"],
    "jab": ["Just saying", "Thought you should know", "Sleep well", "Funny that",
            "You should sort that", "Noted", "I know more than you think",
            "Don't think you can hide", "Interesting"],
    "watch": [
        "{Your|Ur} {car|phone|iPad|laptop|watch} {is still|still} {linked|synced|connected|"
        "logged in} {to|on} my {account|app|phone|iCloud}{. $jab|}",
        "{Your|The} {tracker|GPS|AirTag|dashcam} {is still|'s still} {on|in|working in} {your|"
        "the} {car|bag|van}{. $jab|}",
        "{The|Your} {back door|side gate|garage|kitchen window} {still doesn't lock|has no "
        "alarm|doesn't catch properly}{. $jab|}",
        "{No|There's no} {alarm|camera|chain} on {your|the} {back door|side gate|flat}, {is "
        "there|eh|right}", "{I've|Ive} still got {a|the} {spare |}key{ to yours| to the flat| "
        "to the back door|}{. $jab|}",
        "{I|Still} {remember|know} the {code|pin} for {your|the} {gate|garage|alarm|door}",
        "{Saw|Noticed|Spotted} {your|ur} {bedroom light|telly|car} {on|there|parked up} {at 3am|"
        "at midnight|last night|again}{. $jab|}",
        "{Your|Ur} {new |}{fella|bloke|girlfriend|partner} {leaves|gets home|finishes|parks} "
        "{at 6|by 7|at half five|outside}{. $jab|}",
        "{Every|Same} {Tuesday|morning|lunchtime} you {leave|walk|park|get the bus} {at 8|by "
        "the corner shop|the same way}{. $jab|}",
        "{Drove|Walked|Went} past {yours|your flat|your mum's} {last night|twice|this "
        "morning}{. $jab|}",
        "I can still see {your|ur} {location|messages|photos|calendar} {on|from} my {phone|"
        "laptop|account}{. $jab|}"],
    "logistics": [
        "{The|Your} spare key {is|'s} {under the mat|with the neighbour|in the key safe} {so "
        "you can|for when you} {grab the kids' bags|collect the pram|let the plumber in}",
        "Can you {leave|drop} the key {to the shed|for the meter cupboard|for the bike lock} "
        "{with|at} {your mum's|the office|the letting agent}?",
        "Meet {at|by} the {bridge|services by the bridge|car park by the river|pier} {at 5|at "
        "10} for the handover{?|}",
        "{Her|His|Max's} {tablets|pills|inhaler|antibiotics} {are|is} {in the front pocket|in "
        "the fridge|in his bag}, {twice a day|one at bedtime|finish the whole course}",
        "{I'm|Im} killing myself {working|on nights|doing overtime} to {cover the rent|pay for "
        "the trip|keep up with the bills}, can you {pay half|cover Friday}?",
        "{Share|Send} your {location|ETA} when you {set off|leave} so I can {have the kids "
        "ready|meet you at the door}",
        "{Find My|Location sharing} on {Ella's|Sam's} {phone|iPad} is {off|broken}, can you "
        "{switch it on|check it} before the school trip?",
        "Last thing from me {tonight|today}: {the swimming kit|her reading book|the permission "
        "slip} {is|'s} in {the car|her bag}",
        "{I'm|Im} dead on my feet, can we {swap|move} the handover to {Sunday|tomorrow}?"],
    "hoovering": [
        "Would a {quick |}{call|text|reply} kill you? {He|I} just want{s|} to talk",
        "{Walked|Went} over {the old bridge|the pier|the cliffs} {today|at the weekend}, "
        "{remember|reminded me of} {our first date|when we got engaged}. {Miss that|Miss you}",
        "I'm done {fighting|arguing} with you. Can we just be {civil|friends} for the kids?"],
    "other": [
        "Your {prescription|tablets} {is|are} ready to collect at {Boots|Lloyds|Bridge Road "
        "Pharmacy}", "{Your|The} {location|Find My} {was|has been} {accessed|turned on} on a "
        "new device. If this was you, ignore this message.",
        "{FINAL|LAST} {chance|reminder}: your {subscription|free trial} ends {tonight|today}"],
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
