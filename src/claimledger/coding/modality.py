"""What the text says of whether an event happened: actual, future, planned, threatened or conditional.

PLOVER codes threats and plans as events of their own (THREATEN, "plans to" under the intended type's
modes) and ACLED codes only what happened; an analyst needs both the stated intention and the flag that
the intended act has not (yet) happened. Rules, from the trigger's own clause upwards:

- a modal auxiliary: "will", "shall", "'ll", "going to" → ``future``; "would", "could", "might", "may",
  "can", "should", "must" → ``conditional`` — except a modal perfect ("may have attacked"), which is an
  actual event reported with a hedge;
- an infinitive under a verb of threatening ("threatened to attack", "vowed to strike") → ``threatened``,
  under a verb of intending or preparing ("plans to attack", "is preparing to storm", "ordered troops to
  seize") → ``planned``; any other infinitive or purpose clause ("sent troops to retake the town") →
  ``planned``;
- a clause opened by "if" or "unless" → ``conditional``;
- a noun trigger takes the modality of the verb it is the object or subject of ("will launch an attack",
  "threatened an offensive") and of a noun of threat or plan that governs it ("the threat of an attack",
  "plans for an offensive").

Negation ("did not attack") is a separate flag (``Event.negated``).
"""

from __future__ import annotations

from claimledger.syntax import ParseView

ACTUAL = "actual"
FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo", "ll"])
CONDITIONAL_MODALS = frozenset(["would", "could", "might", "may", "can", "should", "must", "'d", "ca"])
THREAT_VERBS = frozenset(["threaten", "vow", "warn", "pledge", "swear", "promise"])
PLAN_VERBS = frozenset(
    (
        "plan intend aim prepare seek try attempt want wish hope decide order instruct urge call ask "
        "mean expect propose agree offer refuse push plot scheme move"
    ).split()
)
# a noun object of these is an intended act ("plans an offensive"); "offered a ceasefire" is an offer, which
# happened: the offer is the event
NOUN_PLAN_VERBS = frozenset("plan intend prepare seek want wish hope plot scheme".split())
THREAT_NOUNS = frozenset(["threat", "threats", "warning", "warnings", "ultimatum", "vow", "pledge"])
PLAN_NOUNS = frozenset(["plan", "plans", "plot", "plots", "intention", "bid", "attempt", "preparations"])
CONDITION_MARKERS = frozenset(["if", "unless"])
_CLAUSE_DEPS = frozenset(["xcomp", "advcl", "ccomp", "acl", "relcl", "conj", "pcomp"])


def verb_modality(view: ParseView, i: int) -> str:
    """The modality of verb ``i`` from its auxiliaries, its governing verb and its clause marker."""
    t = view[i]
    auxes = view.children_by_dep(i, "aux")
    lowers = [a.lower for a in auxes]
    perfect = any(a.lemma == "have" for a in auxes) and t.tag == "VBN"
    if any(a in FUTURE_MODALS for a in lowers):
        return "future"
    if any(a in CONDITIONAL_MODALS for a in lowers):
        return ACTUAL if perfect else "conditional"
    if any(m.lower in CONDITION_MARKERS for m in view.children_by_dep(i, "mark")):
        return "conditional"
    head = view.head(i)
    if t.dep == "xcomp" and head.lemma == "go" and head.tag == "VBG":
        return "future"  # "is going to attack"
    if perfect or (t.tag == "VBN" and any(a.lemma == "have" for a in auxes)):
        return ACTUAL  # "is said to have attacked", "to have been killed": a past event
    infinitive = "to" in lowers or (t.tag == "VB" and not any(a in ("did", "do", "does") for a in lowers))
    if not infinitive:
        return ACTUAL
    if t.dep in ("xcomp", "ccomp", "advcl", "conj") and head.i != i:
        if head.lemma in THREAT_VERBS:
            return "threatened"
        if head.lemma in PLAN_VERBS:
            return "planned"
    if t.dep == "acl" and head.lower in THREAT_NOUNS:
        return "threatened"
    if t.dep == "conj" and head.i != i and head.pos == "VERB":
        return verb_modality(view, head.i)
    if t.tag == "VB" and t.dep in ("ROOT",) and not auxes:
        return ACTUAL  # a headline's bare verb or an imperative quoted as such: no evidence either way
    return "planned"


def noun_modality(view: ParseView, i: int) -> str:
    """The modality of noun trigger ``i``: that of its governing verb, or of a noun of threat or plan."""
    t = view[i]
    head = view.head(i)
    if head.i == i:
        return ACTUAL
    if head.pos in ("VERB", "AUX") and t.dep in ("dobj", "attr", "nsubj", "nsubjpass"):
        if head.lemma in THREAT_VERBS and t.dep == "dobj":
            return "threatened"
        if head.lemma in NOUN_PLAN_VERBS and t.dep == "dobj":
            return "planned"
        return verb_modality(view, head.i)
    if head.pos == "ADP" and head.lower in ("of", "for") and t.dep == "pobj":
        gov = view.head(head.i)
        if gov.lower in THREAT_NOUNS:
            return "threatened"
        if gov.lower in PLAN_NOUNS:
            return "planned"
    return ACTUAL


def modality(view: ParseView, i: int) -> str:
    """The modality of trigger token ``i`` (a verb or a noun)."""
    if view[i].pos in ("VERB", "AUX"):
        return verb_modality(view, i)
    return noun_modality(view, i)
