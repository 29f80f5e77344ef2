"""Word lists the event coder reads: light verbs, instruments, victim and force nouns, phrasal verbs.

Written by the project after the PLOVER mode definitions (openeventdata/PLOVER) and the ACLED Codebook's
sub-event type definitions (instruments: air/drone strike, shelling, remote explosive, grenade, suicide bomb).
"""

from __future__ import annotations

import re

LIGHT_VERBS = frozenset(
    (
        "provide give offer extend send deliver make hold launch carry conduct stage mount pay "
        "declare announce begin start continue resume receive complete finish lead spearhead "
        "intensify escalate open set renew undertake"
    ).split()
)
# instruments: the mode they reveal and the ACLED sub-event type they imply
INSTRUMENTS: dict[str, tuple[str, str, str]] = {
    **dict.fromkeys(
        ("drone", "drones", "uav", "uavs"), ("drone", "Explosions/Remote violence", "Air/drone strike")
    ),
    **dict.fromkeys(
        (
            "helicopter",
            "helicopters",
            "jet",
            "jets",
            "warplane",
            "warplanes",
            "aircraft",
            "plane",
            "planes",
            "gunship",
            "gunships",
            "airstrike",
            "airstrikes",
            "air",
        ),
        ("aerial", "Explosions/Remote violence", "Air/drone strike"),
    ),
    **dict.fromkeys(
        ("artillery", "shell", "shells", "mortar", "mortars", "missile", "missiles", "rocket", "rockets"),
        ("shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ),
    **dict.fromkeys(
        (
            "ied",
            "ieds",
            "landmine",
            "landmines",
            "mine",
            "mines",
            "roadside",
            "car-bomb",
            "bomb",
            "bombs",
            "dynamite",
            "explosive",
            "explosives",
            "device",
            "devices",
        ),
        ("explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ),
    **dict.fromkeys(("grenade", "grenades"), ("explosives", "Explosions/Remote violence", "Grenade")),
    **dict.fromkeys(
        ("suicide", "bomber", "bombers"), ("explosives", "Explosions/Remote violence", "Suicide bomb")
    ),
    **dict.fromkeys(("gunmen", "gunman", "gun", "guns", "rifle", "rifles"), ("firearms", "", "")),
}
PROPERTY_NOUNS = frozenset(
    (
        "home house residence office offices convoy vehicle car compound headquarters hq base camp "
        "residence checkpoint post outpost"
    ).split()
)
CIVILIAN_NOUNS = frozenset(
    (
        "civilian civilians people villager villagers resident residents child children woman "
        "women man men student students worker workers farmer farmers passenger passengers "
        "worshipper worshippers"
    ).split()
)
FORCE_NOUNS = frozenset(
    (
        "soldier soldiers troops troop fighter fighters militant militants policeman policemen "
        "police officer officers guard guards personnel commander commanders insurgent insurgents "
        "rebel rebels member members"
    ).split()
)
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
}
BOILERPLATE = re.compile(
    r"^\s*(\*|†|‡|note:|editor's note|\(reporting by|\(editing by|copyright|©|all rights reserved)", re.I
)
# "an argument ... turned violent": a quarrel that the text says became violent is an assault
QUARREL_NOUNS = frozenset(
    ["argument", "dispute", "quarrel", "altercation", "row", "spat", "confrontation", "scuffle"]
)
VIOLENT_ADJ = frozenset(["violent", "deadly", "bloody", "physical"])
# material support: "military support" is AID, plain "support" is SUPPORT (PLOVER)
MATERIAL = {
    "military": "military",
    "air": "military",
    "logistical": "military",
    "financial": "economic",
    "economic": "economic",
    "humanitarian": "humanitarian",
    "material": "military",
}
# objects that make a verb a communication, not an event ("released a statement")
# objects that make a verb a communication or a stance, not an event ("released a statement",
# "rejected the claims", "claimed responsibility")
COMMUNICATION_NOUNS = frozenset(
    (
        "statement video report footage document photo photos image images audio message "
        "communique letter list figures data details information claim allegation accusation "
        "charge rumour rumor responsibility"
    ).split()
)
# heads of vague or partitive quantities; ACLED's coding of vague figures is left to a later stage
QUANTITY_HEADS = frozenset("dozens hundreds thousands scores tens several many some few number".split())
# phrasal verbs and the trigger lemma they mean
PHRASAL_VERBS: dict[tuple[str, str], str] = {
    ("take", "over"): "seize",
    ("blow", "up"): "bomb",
    ("gun", "down"): "kill",
    ("wipe", "out"): "kill",
    ("round", "up"): "arrest",
    ("pull", "out"): "withdraw",
    ("pull", "back"): "withdraw",
    ("hand", "over"): "surrender",
    ("step", "down"): "surrender",
    ("set", "off"): "detonate",
    ("fight", "back"): "fight",
    ("beat", "back"): "attack",
    ("shoot", "down"): "shoot",
}
SYMMETRIC_VERBS = frozenset("clash fight battle skirmish meet talk negotiate cooperate ally agree".split())
GROUP_HEADS = frozenset(
    "fighters members forces troops soldiers militants supporters units unit elements loyalists "
    "men personnel commanders".split()
)
INJURY_LEMMAS = frozenset(["wound", "injure", "maim"])
KILL_LEMMAS = frozenset(
    ["kill", "killing", "massacre", "murder", "execute", "behead", "assassinate", "slaughter"]
)
