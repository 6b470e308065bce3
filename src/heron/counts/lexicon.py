"""Words that tie a number to a kind of casualty, by lemma (spaCy's lemmas, lower-cased)."""

from __future__ import annotations

KINDS = ("killed", "injured", "arrested", "displaced", "refugees", "missing", "kidnapped", "protesters")

# Verbs whose object (active) or subject (passive) is the people affected: "killing 12 people",
# "12 people were killed".
VERB_KINDS: dict[str, str] = {
    **dict.fromkeys(
        ("kill", "murder", "execute", "massacre", "slaughter", "slay", "behead", "assassinate", "lynch",
         "decapitate", "electrocute", "drown"),
        "killed",
    ),
    **dict.fromkeys(("wound", "injure", "hurt", "maim", "burn"), "injured"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison", "apprehend", "nab", "intern", "incarcerate"), "arrested"),
    **dict.fromkeys(("displace", "uproot", "evacuate", "dislodge"), "displaced"),
    **dict.fromkeys(("kidnap", "abduct"), "kidnapped"),
}  # fmt: skip
# Only in the passive: "12 people were held" (arrested), but "held talks" is not a count.
PASSIVE_ONLY_KINDS: dict[str, str] = {"hold": "arrested"}
# Verbs whose object can only be people: "47 ram sevaks were arrested" counts whatever the noun
# ("sevak" is in no list), unless it names a thing (trains are "detained" in Indian English).
ARREST_VERBS = frozenset(k for k, v in VERB_KINDS.items() if v == "arrested")
NOT_PEOPLE = frozenset(
    """train bus truck lorry vehicle car van boat ship vessel tanker aircraft plane flight consignment
    shipment cargo goods item weapon arm gun rifle bomb explosive drug""".split()
)
# Particles that make "hold" something other than custody: "held out a threat", "held up in their
# houses", "held back", "held off", "held on".
HOLD_PARTICLES = frozenset({"out", "up", "back", "off", "on", "over", "down"})
# "a total of 47 miscreants were arrested": the number sits in the "of" phrase of these nouns.
TOTAL_NOUNS = frozenset({"total", "group", "batch", "band"})
# Verbs whose subject is the people affected: "240,000 people have died", "5,000 people marched".
SUBJECT_KINDS: dict[str, str] = {
    "die": "killed", "perish": "killed",
    "flee": "displaced",
    "protest": "protesters", "demonstrate": "protesters", "march": "protesters", "rally": "protesters",
    "riot": "protesters", "picket": "protesters",
    "disappear": "missing", "vanish": "missing",
}  # fmt: skip
# Predicates that call for a protest word as object: "staged a demonstration", "joined the protest".
# ("stag": the small English model's lemma for "staged".)
PROTEST_HOST_VERBS = frozenset(
    {"stage", "stag", "hold", "join", "begin", "launch", "start", "organize", "organise", "mount", "continue", "go"}
)
PROTEST_NOUNS = frozenset(
    {"protest", "demonstration", "rally", "march", "strike", "sit-in", "vigil", "walkout", "boycott", "riot",
     "picket", "blockade", "hunger"}
)  # fmt: skip
# Adjectives (or participles) that name the state: "12 dead", "remain missing", "left homeless".
ADJ_KINDS: dict[str, str] = {
    "dead": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured", "missing": "missing",
    "unaccounted": "missing", "displaced": "displaced", "homeless": "displaced",
}  # fmt: skip
# Nouns that are themselves the people (or the casualties) counted: "40 deaths", "2 million refugees".
NOUN_KINDS: dict[str, str] = {
    **ADJ_KINDS,
    "death": "killed", "fatality": "killed", "body": "killed", "corpse": "killed",
    "injury": "injured",
    "arrest": "arrested", "detainee": "arrested",
    "refugee": "refugees", "asylum-seeker": "refugees",
    "idp": "displaced", "idps": "displaced", "evacuee": "displaced",
    "hostage": "kidnapped", "captive": "kidnapped", "abductee": "kidnapped",
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters", "marcher": "protesters",
    "rioter": "protesters", "striker": "protesters",
}  # fmt: skip
# Event nouns whose "of" phrase is the people affected: "the deaths of 12 people", "a crowd of 5,000".
NOMINAL_KINDS: dict[str, str] = {
    "death": "killed", "killing": "killed", "murder": "killed", "execution": "killed", "massacre": "killed",
    "toll": "killed",
    "injury": "injured", "wounding": "injured",
    "arrest": "arrested", "detention": "arrested", "imprisonment": "arrested",
    "abduction": "kidnapped", "kidnapping": "kidnapped",
    "displacement": "displaced", "evacuation": "displaced",
    "exodus": "refugees",
    "crowd": "protesters", "march": "protesters", "rally": "protesters", "demonstration": "protesters",
    "protest": "protesters",
}  # fmt: skip
# "the death toll rose to 40", "the toll reached 40", "the death toll stood at 40"
TOLL_VERBS = frozenset(
    {
        "rise",
        "climb",
        "reach",
        "jump",
        "increase",
        "stand",
        "hit",
        "mount",
        "grow",
        "soar",
        "be",
        "top",
        "exceed",
        "pass",
        "surpass",
    }
)
# "claimed 40 lives", "cost 40 lives"; "40 lives were lost"
LIFE_VERBS = frozenset({"claim", "cost", "take", "lose"})
# "fled the country" and "fled to Turkey" make refugees; other flight displaces.
ABROAD_WORDS = frozenset({"country", "abroad", "border", "overseas"})
# Bare "fled" displaces populations, not "four suspects" fleeing the police: without "their
# homes" or "the country" the people who fled must be one of these (or a nationality).
POPULATION_NOUNS = frozenset(
    """people person civilian resident villager inhabitant family household child woman other refugee migrant
    citizen local tribesman tribesmen""".split()
)
# "died of cancer", "died after a long illness": not casualties.
NATURAL_DEATH_WORDS = frozenset(
    """illness disease cancer stroke cause causes age infection complication ailment heart covid covid-19
    aids tuberculosis pneumonia""".split()
)
# "forced 1,000 people from their homes"
EVICT_VERBS = frozenset({"force", "drive", "chase", "push", "expel", "evict"})
HOME_WORDS = frozenset({"home", "house", "village", "town", "city", "neighborhood", "neighbourhood", "camp"})
# Modal verbs that make a clause hypothetical or future ("could kill thousands"), unless "have"
# follows ("may have killed 300" is an estimate of what happened).
MODALS = frozenset({"could", "might", "may", "would", "should", "can", "must", "will", "shall", "'ll", "wo"})
# Heads under which a count is an aim, not a fact: "threatened to kill 12 hostages".
IRREALIS_HEADS = frozenset(
    {
        "threaten",
        "vow",
        "plan",
        "try",
        "attempt",
        "want",
        "seek",
        "intend",
        "promise",
        "aim",
        "fail",
        "refuse",
        "hope",
        "pledge",
        "plot",
        "bid",
        "threat",
        "conspiracy",
        "effort",
        "order",
        "call",
        "urge",
    }
)

# Nouns for people, so that "killed 20 cattle" and "destroyed 3,000 homes" are not casualties.
PERSON_NOUNS = frozenset(
    """
    people person persons individual man men woman women child children kid boy girl baby infant toddler teenager
    teen youth youngster adult elder family civilian resident inhabitant villager citizen local national
    native worker labourer laborer employee staff staffer farmer fisherman fishermen miner driver passenger
    pilgrim worshipper worshiper tourist visitor traveller traveler migrant immigrant emigrant refugee
    asylum-seeker evacuee student pupil schoolgirl schoolboy schoolchild schoolchildren teacher professor doctor
    nurse medic paramedic journalist reporter photographer cameraman blogger activist campaigner dissident
    protester protestor demonstrator marcher rioter striker supporter opponent member leader chief commander
    officer official officials politician lawmaker legislator mp senator minister governor mayor president
    premier ambassador diplomat envoy adviser advisor aide spokesman spokeswoman candidate voter judge lawyer
    priest cleric imam monk nun bishop rabbi muslim christian jew hindu sikh buddhist shiite shia sunni
    soldier troop trooper serviceman servicemen servicemember marine sailor airman pilot guard guardsman
    policeman policemen policewoman police cop gendarme ranger conscript recruit veteran fighter
    militant insurgent rebel guerrilla guerilla gunman gunmen militiaman militiamen militia jihadist extremist
    terrorist bomber attacker assailant suspect criminal gangster smuggler trafficker pirate kidnapper
    prisoner inmate detainee captive hostage convict defendant victim casualty survivor mourner spectator
    fan player athlete crew crewman crewmen contractor engineer technician volunteer aid humanitarian
    peacekeeper monitor observer inspector agent spy informant collaborator sympathizer sympathiser
    relative son daughter father mother brother sister husband wife parent grandmother grandfather cousin
    nephew niece orphan widow bystander pedestrian shopper customer patient others other one each
    compatriot countryman countrymen tribesman tribesmen clansman herder nomad settler colonist squatter
    kurd arab jew palestinian israeli afghan iraqi syrian pakistani indian somali
    """.split()
)
# Security forces do not "protest" in the count sense ("5,000 troops marched into the town").
SECURITY_NOUNS = frozenset(
    """soldier troop trooper serviceman servicemen servicemember marine sailor airman pilot guard guardsman
    policeman policemen policewoman police cop gendarme ranger conscript force army militia militiaman
    militiamen fighter militant insurgent rebel guerrilla guerilla gunman gunmen""".split()
)
# Endings of nouns for people not listed above ("librarian", "economist"); nationalities such as
# "Palestinians" are spaCy NORP entities.
PERSON_SUFFIXES = ("ian", "ist")
