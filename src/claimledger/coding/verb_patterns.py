"""The sense of a verb token from the curated triggers and the CAMEO verb senses and patterns.

Order of precedence (``verb_sense``):

1. a curated violence trigger (``triggers.tsv``, PLOVER ASSAULT) is kept as it is;
2. the most specific CAMEO pattern that matches the verb's particle, object and prepositional phrase
   ("lifted a curfew", "called off the strike", "appealed for aid"): its sense; a blocker pattern ("issued
   a statement") or an ASSAULT pattern (left to the curated nominal triggers: "launched an attack" is
   coded at "attack") means no CAMEO sense, and the curated sense if there is one. A verb with a curated
   sense takes only the patterns of the block named after it; a light verb whose object is an event noun
   ("provided support", "made a visit", "took control") is left to the noun, as the coder codes it;
3. the curated sense of the lemma;
4. the CAMEO default sense of the lemma (not for ASSAULT: violence comes from ``triggers.tsv`` only).

Words match a token by lemma or lower-case form, a pattern's plural ("talks", "sanctions") also matching the
singular lemma. An object is the verb's direct object, passive subject or attribute (or one coordinated with
it); a prepositional phrase may hang from the verb or from the object ("lifted a ban on trade").
"""

from __future__ import annotations

from dataclasses import replace

from claimledger.coding.lexicon import LIGHT_VERBS
from claimledger.coding.triggers import TriggerLexicon, TriggerSense, VerbPattern
from claimledger.syntax import ParseView
from claimledger.types import Token

VIOLENCE = "ASSAULT"
# nouns the coder reads as events under a light verb besides the trigger lexicon's ("took control")
NOMINAL_EVENTS = frozenset(["control"])
OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd", "dative")
PARTICLE_DEPS = ("prt", "advmod", "prep")
PREP_DEPS = ("prep", "agent", "dative")
# heads of partitive and measure phrases: "part of the aid", "700 kg of medicine", "10 days of war games"
PARTITIVES = frozenset(
    (
        "part some all most much many series number round wave batch shipment portion half third bulk lot "
        "dozen dozens hundreds thousands millions ton tons tonne tonnes kg kilogram kilograms day days week "
        "weeks month months amount quantity"
    ).split()
)


def word_matches(word: str, t: Token) -> bool:
    """Whether a lexicon word names token ``t`` ("talks" → "talk", "sanctions" → "sanction")."""
    lemma, lower = t.lemma.lower(), t.lower
    if word in (lemma, lower):
        return True
    if word.endswith("ies") and word[:-3] + "y" == lemma:
        return True
    if word.endswith("es") and word[:-2] == lemma:
        return True
    return word.endswith("s") and word[:-1] == lemma


def phrase_matches(view: ParseView, k: int, phrase: tuple[str, ...]) -> bool:
    """Whether the noun phrase headed by ``k`` is ``phrase`` (head last; each modifier in the phrase)."""
    if not phrase or not word_matches(phrase[-1], view[k]):
        return False
    inside = [view[j] for j in view.subtree(k) if j != k]
    return all(any(word_matches(m, t) for t in inside) for m in phrase[:-1])


def _objects(view: ParseView, i: int) -> list[int]:
    """The verb's objects, those coordinated with them and the nouns of partitive objects."""
    out: list[int] = []
    for c in view.children_by_dep(i, *OBJECT_DEPS):
        out.append(c.i)
        out.extend(d.i for d in view.children_by_dep(c.i, "conj"))
        if c.lower in PARTITIVES or c.lemma in PARTITIVES or view.children_by_dep(c.i, "nummod"):
            for p in view.children_by_dep(c.i, "prep"):
                if p.lower == "of":
                    out.extend(o.i for o in view.children_by_dep(p.i, "pobj"))
    return out


def pattern_matches(view: ParseView, i: int, pattern: VerbPattern) -> bool:
    """Whether verb token ``i`` has everything ``pattern`` asks for."""
    children = view.children(i)
    if pattern.prt is not None and not any(
        c.dep in PARTICLE_DEPS and c.lower == pattern.prt and not view.children_by_dep(c.i, "pobj")
        for c in children
    ):
        return False
    objects = _objects(view, i)
    if pattern.obj:
        objects = [k for k in objects if phrase_matches(view, k, pattern.obj)]
        if not objects:
            return False
    if pattern.prep is None:
        return True
    holders = [i, *objects]
    preps = [p for h in holders for p in view.children_by_dep(h, *PREP_DEPS) if p.lower == pattern.prep]
    if not pattern.prep_obj:
        # a bare preposition is part of the verb ("called on", "appealed for"): right after it
        return any(p.i - i <= 2 and _adjacent(view, i, p.i) for p in preps) or any(
            c.dep == "prt" and c.lower == pattern.prep for c in children
        )
    for p in preps:
        if any(phrase_matches(view, o.i, pattern.prep_obj) for o in view.children_by_dep(p.i, "pobj")):
            return True
    # "took in refugees": the parser's particle and object stand for the preposition and its noun
    return any(c.dep == "prt" and c.lower == pattern.prep for c in children) and any(
        phrase_matches(view, k, pattern.prep_obj) for k in _objects(view, i)
    )


def _adjacent(view: ParseView, i: int, k: int) -> bool:
    """Whether token ``k`` follows verb ``i`` with at most a particle or adverb between them."""
    return k > i and all(view[j].dep in ("prt", "advmod") for j in range(i + 1, k))


def _nominal_object(view: ParseView, i: int, pattern: VerbPattern, lexicon: TriggerLexicon) -> bool:
    """Whether a light verb's matched object is an event noun the coder codes as the same event ("provided
    support", "held talks", "took control"); not where the pattern reads it otherwise ("began a hunger
    strike": a protest, not the noun's air strike) nor for a phrasal verb ("called off the strike")."""
    if not pattern.obj or pattern.prt is not None or pattern.sense is None:
        return False
    for k in _objects(view, i):
        if not phrase_matches(view, k, pattern.obj):
            continue
        noun = lexicon.get(view[k].lemma, "noun")
        if view[k].lemma in NOMINAL_EVENTS or (noun is not None and noun.plover == pattern.sense.plover):
            return True
    return False


def _spellings(t: Token) -> set[str]:
    lemma = t.lemma.lower()
    out = {lemma, t.lower, lemma + "s", lemma + "es"}
    if lemma.endswith("y"):
        out.add(lemma[:-1] + "ies")
    return out


def _nearby_words(view: ParseView, i: int) -> set[str]:
    """Every word a pattern of verb ``i`` could ask for: its particles, prepositions, objects and their
    prepositions' objects (a cheap filter before ``pattern_matches``)."""
    out: set[str] = set()
    objects = _objects(view, i)
    for k in (i, *objects):
        for c in view.children(k):
            out |= _spellings(c)
            for o in view.children_by_dep(c.i, "pobj"):
                out |= _spellings(o)
    for k in objects:
        out |= _spellings(view[k])
    return out


def best_pattern(view: ParseView, i: int, patterns: list[VerbPattern]) -> VerbPattern | None:
    """The most specific matching pattern (the first of equally specific ones)."""
    best: VerbPattern | None = None
    nearby = _nearby_words(view, i) if patterns else set()
    for p in patterns:
        needed = (p.prt, p.obj[-1] if p.obj else None, p.prep, p.prep_obj[-1] if p.prep_obj else None)
        if any(w is not None and w not in nearby for w in needed):
            continue
        if (best is None or _rank(p) > _rank(best)) and pattern_matches(view, i, p):
            best = p
    return best


def _rank(p: VerbPattern) -> tuple[int, int]:
    """More required words first; among as many, nouns over particles ("called off a strike": the strike)."""
    return p.size, len(p.obj) + len(p.prep_obj)


def verb_sense(
    view: ParseView, i: int, lexicon: TriggerLexicon, lemma: str | None = None
) -> TriggerSense | None:
    """The sense of verb token ``i`` (``lemma`` overrides its lemma, e.g. for a phrasal verb); see the
    module docstring for the order of precedence."""
    lemma = (lemma or view[i].lemma).lower()
    curated = lexicon.get(lemma, "verb")
    if curated is not None and curated.plover == VIOLENCE:
        return curated
    # a curated verb takes the patterns of its own block only: a block's patterns were written for the verb
    # it is named after, and its other members are WordNet synonyms ("take part" is no "capture part")
    matched = best_pattern(view, i, lexicon.cameo.patterns(lemma, own_only=curated is not None))
    if matched is not None and lemma in LIGHT_VERBS and _nominal_object(view, i, matched, lexicon):
        return None  # "provided support", "made a visit": the noun is the event (coded at the noun)
    if matched is not None and matched.sense is not None and matched.sense.plover != VIOLENCE:
        return replace(matched.sense, lemma=lemma)
    if matched is not None and curated is None:
        return None  # a blocker or a violent pattern: no CAMEO default for this use
    if curated is not None:
        return curated
    default = lexicon.cameo.default(lemma)
    return default if default is not None and default.plover != VIOLENCE else None
