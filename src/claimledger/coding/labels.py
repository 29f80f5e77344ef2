"""Event classes of the CASE 2021 task 2 label set and how they map to and from our event coding.

The learned event model (``coding.classifier``) predicts one of these 30 labels for a passage: the 25 ACLED
sub-event types of the task (``AIR_STRIKE``, ``PEACE_PROTEST``, ...) and five classes outside ACLED's
political-violence categories (``DIPLO``, ``ATTRIB``, ``ORG_CRIME``, ``NATURAL_DISASTER``,
``MAN_MADE_DISASTER``). ``ACLED_TO_CASE``/``PLOVER_TO_CASE`` read a label off a rule-coded event;
``LABEL_CODES`` says how a predicted label is written back into an event's ACLED code and PLOVER type.
"""

from __future__ import annotations

from claimledger.types import AcledCode, Event

# ACLED sub-event types (as the coder writes them) → the task's label names. "Other" is not here: an
# event coded "Strategic developments / Other" is labelled by its PLOVER type instead. The last three are
# not ACLED sub-event types: the event model writes them for happenings ACLED does not code.
ACLED_TO_CASE: dict[str, str] = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
    "Organized crime": "ORG_CRIME",
    "Natural disaster": "NATURAL_DISASTER",
    "Man-made disaster": "MAN_MADE_DISASTER",
}
ACLED_OTHER = "Other"
# The ACLED event type the model writes with the three sub-types above: they are outside ACLED's categories.
NON_ACLED = "Not ACLED"

# PLOVER type → label, for events without a specific ACLED sub-event type. Verbal and diplomatic
# interaction is the unseen class DIPLO; an accusation (blame, a claim or denial of responsibility) is
# ATTRIB; the remaining strategic moves are ACLED's OTHER.
PLOVER_TO_CASE: dict[str, str] = {
    "AGREE": "AGREEMENT",
    "CONSULT": "DIPLO",
    "SUPPORT": "DIPLO",
    "CONCEDE": "DIPLO",
    "COOPERATE": "DIPLO",
    "AID": "DIPLO",
    "REQUEST": "DIPLO",
    "REJECT": "DIPLO",
    "THREATEN": "DIPLO",
    "SANCTION": "DIPLO",
    "ACCUSE": "ATTRIB",
    "RETREAT": "OTHER",
    "MOBILIZE": "OTHER",
    "COERCE": "OTHER",
    "ASSAULT": "ATTACK",
    "PROTEST": "PEACE_PROTEST",
}

# The task's labels ("Note on EVENT TYPES"): 25 seen (ACLED) and 5 unseen.
UNSEEN_LABELS: tuple[str, ...] = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
SEEN_LABELS: tuple[str, ...] = (
    *sorted(v for v in ACLED_TO_CASE.values() if v not in UNSEEN_LABELS),
    "OTHER",
)
CASE_LABELS: tuple[str, ...] = tuple(sorted((*SEEN_LABELS, *UNSEEN_LABELS)))

_ACLED_TYPE: dict[str, str] = {
    **dict.fromkeys(
        ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"), "Battles"
    ),
    **dict.fromkeys(
        (
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade",
        ),
        "Explosions/Remote violence",
    ),
    **dict.fromkeys(
        ("Sexual violence", "Attack", "Abduction/forced disappearance"), "Violence against civilians"
    ),
    **dict.fromkeys(
        ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"), "Protests"
    ),
    **dict.fromkeys(("Violent demonstration", "Mob violence"), "Riots"),
    **dict.fromkeys(
        (
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other",
        ),
        "Strategic developments",
    ),
    **dict.fromkeys(("Organized crime", "Natural disaster", "Man-made disaster"), NON_ACLED),
}
_CASE_TO_ACLED: dict[str, str] = {v: k for k, v in ACLED_TO_CASE.items()}


def acled_code(label: str) -> AcledCode | None:
    """The ACLED code a predicted label is written as: ``None`` for DIPLO and ATTRIB (verbal interaction,
    which ACLED does not code), ``Strategic developments / Other`` for OTHER, ``Not ACLED / Natural
    disaster`` etc. for the three happenings outside ACLED's categories."""
    if label == "OTHER":
        return AcledCode("Strategic developments", ACLED_OTHER)
    sub = _CASE_TO_ACLED.get(label)
    return AcledCode(_ACLED_TYPE[sub], sub) if sub is not None else None


# The PLOVER type of an event the model labels, where the rule-coded type does not fit the label; ``None``:
# any type fits (OTHER, and the happenings outside ACLED, whose PLOVER type stays the rule coder's).
LABEL_PLOVER: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(
        (
            "AIR_STRIKE",
            "ART_MISS_ATTACK",
            "REM_EXPLOS",
            "GRENADE",
            "SUIC_BOMB",
            "CHEM_WEAP",
            "ARMED_CLASH",
            "ATTACK",
            "ABDUCT_DISSAP",
            "SEX_VIOL",
            "MOB_VIOL",
        ),
        ("ASSAULT",),
    ),
    "PROPERTY_DISTRUCT": ("ASSAULT", "COERCE"),
    "DISR_WEAP": ("ASSAULT", "COERCE", "MOBILIZE"),
    "ARREST": ("COERCE",),
    "GOV_REGAINS_TERIT": ("COERCE", "ASSAULT"),
    "NON_STATE_ACTOR_OVERTAKES_TER": ("COERCE", "ASSAULT"),
    "NON_VIOL_TERRIT_TRANSFER": ("RETREAT", "CONCEDE", "COERCE"),
    "PEACE_PROTEST": ("PROTEST",),
    "PROTEST_WITH_INTER": ("PROTEST", "COERCE"),
    "FORCE_AGAINST_PROTEST": ("PROTEST", "ASSAULT", "COERCE"),
    "VIOL_DEMONSTR": ("PROTEST", "ASSAULT"),
    "AGREEMENT": ("AGREE",),
    "CHANGE_TO_GROUP_ACT": ("MOBILIZE", "COERCE", "CONCEDE"),
    "HQ_ESTABLISHED": ("MOBILIZE",),
    "DIPLO": (
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "REQUEST",
        "REJECT",
        "THREATEN",
        "SANCTION",
    ),
    "ATTRIB": ("ACCUSE",),
}


def rule_label(event: Event | None) -> str | None:
    """The task label of a coded event: its ACLED sub-event type through ``ACLED_TO_CASE``, else (none, or
    ACLED's catch-all ``Other``) its PLOVER type through ``PLOVER_TO_CASE``; ``None`` for no event."""
    if event is None:
        return None
    if event.acled is not None and event.acled.sub_event_type != ACLED_OTHER:
        label = ACLED_TO_CASE.get(event.acled.sub_event_type)
        if label is not None:
            return label
    return PLOVER_TO_CASE.get(event.type, "OTHER")
