"""What PLOVER codes when the text reports an act that has not happened: a promise, a threat, a demand, a
refusal.

PLOVER's event types include the verbal acts around an act (manual draft 0.8): AGREE "agree to, offer,
promise, or otherwise indicate willingness or commitment to cooperate"; THREATEN "threaten to ... (any
conflictual act)"; REQUEST "ask for or demand" an act of the target; REJECT "reject, decline or refuse" a
cooperative act. So for trigger token ``i`` whose act is reported, not done:

- an *intent* — a future ("will", "shall", "'ll", "going to"), "would" under a reporting verb, or an
  infinitive under a verb or adjective of commitment ("promised to", "offered to", "is ready/willing/
  prepared to", "has agreed to") — reads as AGREE when the act is cooperative (mode: the act's type), as
  THREATEN when it is conflictual;
- an *obligation* another party states ("said that X must/should ...") reads as REQUEST from the speaker to
  X, whatever the act (a verb that is no trigger included); not a passive ("had to be rushed to hospital");
- a *negated* cooperative act ("did not accept", "will not allow") reads as REJECT;
- an *attempt* ("tried to hack into", "attempted to assassinate") is coded as the act itself (CAMEO and
  PLOVER code attempted acts: "attempt to assassinate" is an ASSAULT);
- an intent with a condition on the other party ("will withdraw unless X ...") is a THREATEN, whatever the
  act (an ultimatum).

``plover_reading`` returns the reading with the tokens of its source and target where they are not the act's
own subject and object (the coder resolves them to actors); speculation ("could", "might", "may") has none.
"""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.coding.triggers import READING, TriggerSense
from claimledger.syntax import ParseView

COOPERATIVE = frozenset(["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"])
CONFLICTUAL = frozenset(["SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "PROTEST"])
FUTURE_AUX = frozenset(["will", "shall", "'ll", "ll", "wo"])
WOULD_AUX = frozenset(["would", "'d"])
OBLIGATION_AUX = frozenset(["must", "should"])
SPECULATIVE_AUX = frozenset(["could", "might", "may", "can", "ca"])
COMMITMENT_VERBS = frozenset(
    (
        "promise pledge vow offer agree undertake commit plan intend decide volunteer threaten swear resolve"
    ).split()
)
COMMITMENT_ADJ = frozenset("ready willing prepared committed determined eager poised set".split())
DEMAND_VERBS = frozenset("demand insist urge require order press call".split())
REPORTING_VERBS = frozenset(
    (
        "say tell state announce declare add note confirm warn reiterate stress insist argue claim "
        "conclude write report quote maintain affirm repeat tweet remind"
    ).split()
)
PRONOUNS = frozenset("it they he she we i".split())
ATTEMPT_VERBS = frozenset("try attempt".split())


# verbal acts whose counterpart may be the subject of their complement clause ("demanded that X withdraw")
CLAUSE_TARGET_TYPES = frozenset(["REQUEST", "ACCUSE", "THREATEN", "REJECT", "AGREE"])


@dataclass(frozen=True, slots=True)
class PloverReading:
    plover: str  # AGREE, THREATEN, REQUEST or REJECT
    act: str | None  # the PLOVER type of the act promised, threatened, demanded or refused, if it has one
    source: int | None = None  # the committing, threatening or demanding party, if not the act's subject
    target: int | None = None  # the party asked to act (REQUEST), if not the act's object


def _auxes(view: ParseView, i: int) -> set[str]:
    """The auxiliaries of ``i`` and of the verbs its infinitive depends on ("must be ready to mediate")."""
    out: set[str] = set()
    cur = i
    for _ in range(3):
        out |= {a.lower for a in view.children_by_dep(cur, "aux")}
        t = view[cur]
        if t.dep not in ("xcomp", "acomp") or t.head == cur:
            break
        cur = t.head
    return out


def _governor(view: ParseView, i: int) -> int | None:
    """The verb or adjective that governs clause ``i`` ("promised [to send]", "is ready [to send]")."""
    t = view[i]
    if t.dep not in ("xcomp", "ccomp", "advcl", "conj", "acomp") or t.head == i:
        return None
    return t.head


def _reporter(view: ParseView, i: int) -> int | None:
    """The subject of the reporting or demanding verb whose complement clause holds ``i``."""
    cur = i
    for _ in range(3):
        t = view[cur]
        if t.head == cur:
            return None
        head = view.head(cur)
        if t.dep in ("ccomp", "xcomp", "advcl", "conj", "parataxis") and (
            head.lemma in REPORTING_VERBS or head.lemma in DEMAND_VERBS
        ):
            subj = view.children_by_dep(head.i, "nsubj")
            return subj[0].i if subj else None
        cur = head.i
    return None


def _commitment(view: ParseView, i: int) -> bool:
    """Whether ``i`` is the infinitive of a commitment ("promised to X", "is ready to X")."""
    gov = _governor(view, i)
    if gov is None or view[i].dep not in ("xcomp", "conj"):
        return False
    g = view[gov]
    if g.lemma in COMMITMENT_VERBS:
        return True
    if g.lower in COMMITMENT_ADJ:
        return True
    return view[i].dep == "conj" and _commitment(view, gov)


def _subject(view: ParseView, i: int) -> int | None:
    subj = view.children_by_dep(i, "nsubj", "nsubjpass")
    return subj[0].i if subj else None


def _clause_subject(view: ParseView, i: int) -> int | None:
    """The subject of ``i``, or of the verb or adjective its infinitive depends on ("he is prepared to
    lift": "he"; "X has to cooperate": "X")."""
    cur = i
    for _ in range(3):
        subj = _subject(view, cur)
        if subj is not None:
            return subj
        t = view[cur]
        if t.dep not in ("xcomp", "acomp") or t.head == cur:
            return None
        cur = t.head
    return None


def plover_reading(view: ParseView, i: int, plover: str | None) -> PloverReading | None:
    """The PLOVER reading of trigger token ``i`` of type ``plover`` (``None``: no trigger; only an
    obligation reads then), or ``None`` when the act is reported as done or only speculated about."""
    auxes = _auxes(view, i)
    negated = view.is_negated(i)
    subject = _clause_subject(view, i)
    reporter = _reporter(view, i)
    if auxes & SPECULATIVE_AUX:
        return None
    if auxes & OBLIGATION_AUX and not view.children_by_dep(i, "auxpass"):
        if reporter is None:
            return None
        return PloverReading("REQUEST", plover, reporter, subject)
    if plover is None:
        return None
    if _attempt(view, i) and not negated:
        return PloverReading(plover, plover, None)
    intent = bool(auxes & FUTURE_AUX) or (bool(auxes & WOULD_AUX) and reporter is not None)
    intent = intent or _commitment(view, i) or _going_to(view, i)
    if intent and not negated and _unless(view, i):
        return PloverReading("THREATEN", plover, reporter if _is_pronoun(view, subject) else None)
    if negated and plover in COOPERATIVE:
        source = reporter if _is_pronoun(view, subject) else None
        return PloverReading("REJECT", plover, source)
    if not intent or negated:
        return None
    source = reporter if _is_pronoun(view, subject) else None
    if plover in COOPERATIVE:
        return PloverReading("AGREE", plover, source)
    if plover in CONFLICTUAL:
        return PloverReading("THREATEN", plover, source)
    return None


def _going_to(view: ParseView, i: int) -> bool:
    head = view.head(i)
    return view[i].dep == "xcomp" and head.lemma == "go" and head.tag == "VBG"


def _is_pronoun(view: ParseView, k: int | None) -> bool:
    return k is not None and view[k].lower in PRONOUNS


def obligation_sense(view: ParseView, i: int) -> TriggerSense | None:
    """A REQUEST sense for verb ``i`` that is no trigger but is what a speaker says another party must do."""
    reading = plover_reading(view, i, None)
    if reading is None or view[i].pos != "VERB":
        return None
    return TriggerSense(view[i].lemma, "verb", "REQUEST", None, "Strategic developments", "Other", READING)


def stated_target(view: ParseView, i: int, plover: str) -> int | None:
    """For a verbal act ``i`` ("demanded that X withdraw", "warned that X would ..."), the subject of its
    complement clause, unless a pronoun."""
    if plover not in CLAUSE_TARGET_TYPES:
        return None
    for clause in view.children_by_dep(i, "ccomp"):
        subj = _subject(view, clause.i)
        if subj is not None and not _is_pronoun(view, subj):
            return subj
    return None


def reported_speaker(view: ParseView, i: int) -> int | None:
    """For verb ``i`` whose subject is a personal pronoun inside what someone says ("X announced that it
    has called off ..."), the speaker: the pronoun's likeliest antecedent."""
    subject = _clause_subject(view, i)
    return _reporter(view, i) if _is_pronoun(view, subject) else None


def _attempt(view: ParseView, i: int) -> bool:
    head = view.head(i)
    return view[i].dep == "xcomp" and head.lemma in ATTEMPT_VERBS


def _unless(view: ParseView, i: int) -> bool:
    """Whether clause ``i`` has an "unless" condition ("will withdraw unless X arranges a ceasefire")."""
    return any(
        any(m.lower == "unless" for m in view.children_by_dep(c.i, "mark"))
        for c in view.children_by_dep(i, "advcl")
    )
