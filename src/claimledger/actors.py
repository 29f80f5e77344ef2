"""Actors: who is mentioned, resolved to one actor per real-world entity within an article.

Evidence used, in order: spaCy NER (PERSON, ORG, NORP, GPE), acronym definitions ("National Resistance Front
(NRF)"), demonyms ("Pakistani drones" → Pakistan), surnames and first names referring back to a full name,
roles and affiliations from appositions, compounds and possessives ("Taliban spokesperson X", "NRF's leader
X",
"X, the chief of Y"), and nominal/pronominal coreference ("the group", "the Islamist group", "he", "their").
Entity types are corrected by context (a name after a role noun is a person; "X Network" is an organisation).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimledger.lexicon import Channels, Demonyms
from claimledger.syntax import ParseView
from claimledger.types import Actor, Span

log = logging.getLogger(__name__)

COMPONENT = "actors"

# Role nouns: what a person is to an organisation. Lower-case lemmas; hyphenated forms are joined first.
ROLE_WORDS = frozenset(
    (
        "spokesperson spokesman spokeswoman leader co-leader commander chief head president "
        "vice-president co-founder founder deputy minister governor general colonel major captain "
        "lieutenant lieutenant-general major-general brigadier officer official ambassador envoy "
        "secretary director chairman chairwoman chair mayor emir king queen prince premier "
        "chancellor senator lawmaker representative negotiator adviser advisor aide member "
        "militant fighter soldier journalist correspondent reporter editor analyst activist cleric "
        "imam mullah sheikh warlord boss ceo manager coordinator administrator prosecutor judge "
        "chairperson speaker prime-minister foreign-minister defence-minister defense-minister "
        "interior-minister"
    ).split()
)
# Words that make a name an organisation rather than a person, with the kind they suggest.
ORG_WORDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "front network brigade brigades battalion militia movement army forces force guard guards "
            "mujahideen jihad liberation resistance insurgency rebels taliban legion corps commandos"
        ).split(),
        "armed_group",
    ),
    **dict.fromkeys(
        (
            "intelligence ministry agency police service services department directorate command "
            "gendarmerie government cabinet parliament court office bureau administration authority "
            "authorities"
        ).split(),
        "state_agency",
    ),
    **dict.fromkeys(["party", "congress", "league", "alliance", "coalition"], "political_party"),
    **dict.fromkeys(
        (
            "times post news herald journal tribune gazette daily telegraph guardian television tv "
            "radio press broadcasting broadcaster newspaper chronicle observer express wire"
        ).split(),
        "media",
    ),
    **dict.fromkeys(
        ("nations union organisation organization council committee commission federation fund bank").split(),
        "international_org",
    ),
}
# Head nouns that, when an organisation modifies them or stands in apposition, show it is armed.
ARMED_CONTEXT = frozenset(
    (
        "force forces fighter fighters militant militants insurgent insurgents rebel rebels "
        "militia jihadist jihadists guerrilla guerrillas commander commanders gunman gunmen group"
    ).split()
)
# Definite descriptions that corefer with an organisation mentioned before ("the group", "the militants").
GROUP_NOUNS = frozenset(
    (
        "group organisation organization movement militia militants insurgents rebels outfit "
        "faction network jihadists guerrillas"
    ).split()
)
# unnamed participants that ACLED-style coding still records, with their kind
DESCRIBED_KINDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "gunmen gunman militants militant fighters insurgents insurgent rebels rebel jihadists "
            "jihadist guerrillas guerrilla terrorists terrorist attackers attacker assailants "
            "assailant bandits militiamen extremists kidnappers abductors"
        ).split(),
        "armed_group",
    ),
    **dict.fromkeys(
        (
            "civilians civilian villagers residents worshippers passengers students pupils children "
            "protesters demonstrators farmers refugees"
        ).split(),
        "civilians",
    ),
    **dict.fromkeys(
        (
            "soldiers troops police policemen army military forces government ministry authorities "
            "administration"
        ).split(),
        "state_agency",
    ),
}
# heads whose kind depends on who they are ("rebel commanders", "army officers")
for _w in "commanders officers officials".split():
    DESCRIBED_KINDS.setdefault(_w, "unknown")
STATE_MODIFIERS = frozenset(
    "army military police government security state federal national regime navy naval air "
    "pro-government".split()
)
ARMED_MODIFIERS = frozenset(
    "rebel rebels insurgent militant jihadist opposition separatist guerrilla armed islamist anti-government "
    "tribal".split()
)
MEDIA_HEADS = frozenset(
    "agency newspaper daily weekly broadcaster channel television tv radio outlet website magazine".split()
)
# verbs whose object is a government when it is a capital ("accused Moscow of ...")
METONYMY_VERBS = frozenset(
    "accuse blame urge warn condemn criticise criticize call ask press pressure".split()
)
METONYMY_NOUNS = frozenset(
    "claim allegation accusation statement denial demand offer proposal position response decision "
    "government army military forces troops ministry".split()
)
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
GROUP_PRONOUNS = frozenset(["they", "them", "their", "theirs", "it", "its"])
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&\-]{1,7}$")
_STRIP_WORDS = {"the", "a", "an"}


@dataclass(slots=True)
class _Cluster:
    """An actor being built: its mentions and what is known of it."""

    key: str
    names: list[str]
    kind: str
    mentions: list[tuple[int, int]]  # token ranges
    country: str | None = None
    role: str | None = None
    affiliation: int | None = None  # index of another cluster
    first: int = 0

    def name(self) -> str:
        # the longest proper name seen (acronyms and single surnames are aliases)
        return max(self.names, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))


@dataclass(frozen=True, slots=True)
class ActorResult:
    """Actors of an article and the token → actor map the later stages use."""

    actors: tuple[Actor, ...]
    token_actor: dict[int, str]
    resolve: Callable[[int], str | None]  # token index → actor id, after coreference

    def actor(self, actor_id: str | None) -> Actor | None:
        if actor_id is None:
            return None
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None


def _norm(name: str) -> str:
    name = name.replace("’", "'")
    name = re.sub(r"'s$", "", name.strip())
    name = re.sub(r"[^\w\s\-&.]", "", name)
    words = name.split()
    while words and words[0].lower() in _STRIP_WORDS:
        words = words[1:]
    return " ".join(words).lower().replace(".", "")


def _clean_range(view: ParseView, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives/punctuation from a token range."""
    while start < end and (view[start].lower in _STRIP_WORDS or view[start].is_punct):
        start += 1
    while end > start and (
        view[end - 1].tag == "POS" or view[end - 1].is_punct or view[end - 1].text in "*†"
    ):
        end -= 1
    return start, end


def _initials_match(words: list[str], acronym: str) -> bool:
    parts: list[str] = []
    for w in words:
        for p in re.split(r"[-\s]", w):
            if p and p[0].isupper():
                parts.append(p[0])
    letters = "".join(parts)
    acr = acronym.replace("-", "").replace("&", "")
    return bool(letters) and (letters == acr or (len(acr) >= 2 and letters.startswith(acr)))


class ActorExtractor:
    """Finds and resolves the actors of one article. Stateless; data are passed in."""

    def __init__(
        self,
        demonyms: Demonyms,
        channels: Channels,
        country_of: Callable[[str], str | None],
        capital_of: Callable[[str], str | None] | None = None,
    ) -> None:
        self.demonyms = demonyms
        self.channels = channels
        self.country_of = country_of  # country name → ISO2, or None (from the gazetteer)
        self.capital_of = capital_of or (lambda name: None)  # capital city name → ISO2 of its state

    # ------------------------------------------------------------------ public
    def extract(self, view: ParseView, id_prefix: str, place_tokens: Iterable[int] = ()) -> ActorResult:
        place_set = set(place_tokens)
        clusters: list[_Cluster] = []
        by_key: dict[str, int] = {}
        tok_cluster: dict[int, int] = {}

        def add(key: str, name: str, kind: str, rng: tuple[int, int], country: str | None = None) -> int:
            ci = by_key.get(key)
            if ci is None:
                ci = len(clusters)
                clusters.append(_Cluster(key=key, names=[name], kind=kind, mentions=[], country=country))
                clusters[ci].first = rng[0]
                by_key[key] = ci
            c = clusters[ci]
            if name not in c.names:
                c.names.append(name)
            if rng not in c.mentions:
                c.mentions.append(rng)
            for i in range(*rng):
                tok_cluster[i] = ci
            return ci

        candidates = self._candidates(view, place_set)
        # first pass: multi-word names and states; second: single tokens that may refer back
        persons_full: list[int] = []
        for start, end, label in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
            text = view.span_text(start, end)
            if label in ("STATE", "CAPITAL"):
                iso = self._country_code(text) if label == "STATE" else self.capital_of(text)
                if iso is None:
                    continue
                add(f"state:{iso}", self.demonyms.country_name(iso) or text, "state", (start, end), iso)
                continue
            key = _norm(text)
            if not key:
                continue
            kind = self._kind_of(view, start, end, label)
            if kind in ("person", "organization") and end - start == 1 and key not in by_key:
                # a single name: a surname or first name of a person already named in full?
                target = self._person_for_part(clusters, persons_full, key)
                if target is not None:
                    add(clusters[target].key, text, "person", (start, end))
                    by_key.setdefault(key, target)
                    continue
            ci = add(key, self._display(text), kind, (start, end))
            if kind == "person" and end - start > 1 and ci not in persons_full:
                persons_full.append(ci)

        self._acronyms(view, clusters, by_key, tok_cluster, add)
        self._demonyms(view, tok_cluster, add, place_set)
        self._kind_from_context(view, clusters, tok_cluster)
        self._descriptions(view, tok_cluster, {}, add)
        coref = self._coreference(view, clusters, tok_cluster)
        self._roles(view, clusters, tok_cluster, coref)
        return self._finish(view, id_prefix, clusters, tok_cluster, coref)

    # ------------------------------------------------------------------ candidates
    def _candidates(self, view: ParseView, place_set: set[int]) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        for e in view.parse.entities:
            if e.label not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            start, end = _clean_range(view, e.start, e.end)
            if start >= end:
                continue
            if e.label == "NORP":
                continue  # demonyms are handled by the demonym table
            if e.label == "GPE":
                if self._country_code(view.span_text(start, end)) is not None:
                    out.append((start, end, "STATE"))
                elif self._capital_as_state(view, start, end):
                    out.append((start, end, "CAPITAL"))
                continue
            if any(i in place_set for i in range(start, end)):
                continue  # the gazetteer found a place here ("Panjshir" tagged ORG)
            if self._is_channel(view, start, end):
                continue
            if self._country_code(view.span_text(start, end)) is not None:
                out.append((start, end, "STATE"))
                continue
            out.append((start, end, e.label))
        return out

    def _capital_as_state(self, view: ParseView, start: int, end: int) -> bool:
        """ "Kyiv accused Moscow of ...": a capital acting or spoken of as a government is its state."""
        if self.capital_of(view.span_text(start, end)) is None:
            return False
        h = view[end - 1]
        gov = view.head(end - 1)
        if h.dep in ("nsubj", "nsubjpass") and gov.pos in ("VERB", "AUX"):
            return True
        if h.dep == "poss" and gov.lemma in METONYMY_NOUNS:
            return True  # "Kyiv's claim", "Moscow's accusation"
        return h.dep == "dobj" and gov.lemma in METONYMY_VERBS

    def _country_code(self, text: str) -> str | None:
        t = re.sub(r"['’]s$", "", text.strip())
        t = re.sub(r"^the\s+", "", t, flags=re.I)
        return self.country_of(t)

    def _is_channel(self, view: ParseView, start: int, end: int) -> bool:
        prev = view[start - 1].lower if start > 0 else ""
        return prev in ("on", "via") and self.channels.lookup(view.span_text(start, end)) is not None

    @staticmethod
    def _display(text: str) -> str:
        text = text.replace("’", "'")
        text = re.sub(r"'s$", "", text.strip())
        words = text.split()
        # keep "The" only where it is part of a title-cased media name ("The Times of India")
        media = ("times", "guardian", "telegraph", "independent", "economist")
        if len(words) > 1 and words[0].lower() == "the" and not any(w.lower() in media for w in words):
            words = words[1:]
        return " ".join(words)

    # ------------------------------------------------------------------ kinds
    def _kind_of(self, view: ParseView, start: int, end: int, label: str) -> str:
        words = [view[i].lower for i in range(start, end)]
        org_kind = next((ORG_WORDS[w] for w in reversed(words) if w in ORG_WORDS), None)
        if label == "PERSON":
            return org_kind if org_kind and len(words) > 1 else "person"
        # ORG: is it a person after a role noun ("spokesperson Fahim Dashty")?
        if (
            org_kind is None
            and self._after_role(view, start)
            and all(view[i].tag == "NNP" for i in range(start, end))
        ):
            return "person"
        return org_kind or "organization"

    @staticmethod
    def _after_role(view: ParseView, start: int) -> bool:
        i = start - 1
        while i >= 0 and view[i].text in ("-",):
            i -= 1
        if i < 0:
            return False
        word = view[i].lower
        if i >= 2 and view[i - 1].text == "-":
            word = f"{view[i - 2].lower}-{word}"
        return word in ROLE_WORDS

    @staticmethod
    def _person_for_part(clusters: list[_Cluster], persons: list[int], key: str) -> int | None:
        for ci in sorted(persons, key=lambda c: clusters[c].first):  # first introduced wins
            for name in clusters[ci].names:
                parts = _norm(name).split()
                if len(parts) > 1 and key in (parts[-1], parts[0]):
                    return ci
        return None

    def _kind_from_context(self, view: ParseView, clusters: list[_Cluster], tok: dict[int, int]) -> None:
        for c in clusters:
            if c.kind in ("organization", "state_agency") and any(
                self._media_context(view, s, e) for s, e in c.mentions
            ):
                c.kind = "media"
                continue
            if c.kind not in ("organization",):
                continue
            for _start, end in c.mentions:
                head = view[end - 1]
                outer = view.head(end - 1)
                if (
                    outer.i >= end
                    and outer.lower in ARMED_CONTEXT
                    and head.dep in ("compound", "nmod", "amod")
                ):
                    c.kind = "armed_group"
                    break

    @staticmethod
    def _media_context(view: ParseView, start: int, end: int) -> bool:
        """ "the Reuters news agency", "the Dawn newspaper", "Reuters, a news agency"."""
        window = [view[k].lower for k in range(end, min(end + 4, len(view)))]
        head = view.head(end - 1)
        near = {*window[:3], head.lower, *(view[c.i].lower for c in view.children_by_dep(head.i, "compound"))}
        return bool(near & MEDIA_HEADS) and ("news" in near or bool(near & (MEDIA_HEADS - {"agency"})))

    # ------------------------------------------------------------------ acronyms and demonyms
    def _acronyms(
        self,
        view: ParseView,
        clusters: list[_Cluster],
        by_key: dict[str, int],
        tok: dict[int, int],
        add: Callable[..., int],
    ) -> None:
        """ "Long Name (ACR)": the acronym becomes an alias; later mentions of ACR join the actor."""
        n = len(view)
        for i in range(1, n - 2):
            if view[i].text != "(" or view[i + 2].text != ")":
                continue
            acr = view[i + 1].text
            if not _ACRONYM.match(acr):
                continue
            # the name before the bracket: the entity or the run of capitalised tokens ending at i-1
            ci = tok.get(i - 1)
            if ci is not None:
                rng = max(
                    (m for m in clusters[ci].mentions if m[1] == i), default=None, key=lambda m: m[1] - m[0]
                )
                words = view.span_text(*rng).split() if rng else clusters[ci].name().split()
            else:
                j = i - 1
                while j >= 0 and (view[j].text[:1].isupper() or view[j].text in ("-", "of", "and")):
                    j -= 1
                words = view.span_text(j + 1, i).split() if j + 1 < i else []
            while len(words) > 1 and words[0].lower() in _STRIP_WORDS:
                words = words[1:]  # a sentence-initial "The" is not part of the name
            if not words or not _initials_match(words, acr):
                continue
            if ci is None:
                kind = next(
                    (ORG_WORDS[w.lower()] for w in reversed(words) if w.lower() in ORG_WORDS), "organization"
                )
                ci = add(_norm(" ".join(words)), self._display(" ".join(words)), kind, (i - len(words), i))
            target = clusters[ci]
            old = by_key.get(acr.lower())
            if old is not None and old != ci:
                # merge the acronym's own cluster into the named one
                for rng in clusters[old].mentions:
                    if rng not in target.mentions:
                        target.mentions.append(rng)
                    for k in range(*rng):
                        tok[k] = ci
                clusters[old].mentions = []
            by_key[acr.lower()] = ci
            if acr not in target.names:
                target.names.append(acr)
            add(target.key, acr, target.kind, (i + 1, i + 2))
        # later bare mentions of a known acronym not tagged by NER
        for t in view.tokens:
            if t.i in tok or not _ACRONYM.match(t.text):
                continue
            ci = by_key.get(t.text.lower())
            if ci is not None and clusters[ci].mentions:
                add(clusters[ci].key, t.text, clusters[ci].kind, (t.i, t.i + 1))

    def _demonyms(
        self, view: ParseView, tok: dict[int, int], add: Callable[..., int], place_set: set[int]
    ) -> None:
        for t in view.tokens:
            if t.i in tok or t.i in place_set or not t.text[:1].isupper():
                continue
            if t.tag not in ("JJ", "NNP", "NNPS", "NNS") and t.ent_type != "NORP":
                continue
            codes = self.demonyms.lookup(t.text)
            if len(codes) != 1:
                continue
            iso = codes[0]
            add(f"state:{iso}", self.demonyms.country_name(iso) or t.text, "state", (t.i, t.i + 1), iso)

    # ------------------------------------------------------------------ described groups
    def _descriptions(
        self, view: ParseView, tok: dict[int, int], coref: dict[int, int], add: Callable[..., int]
    ) -> None:
        """Unnamed participants ("gunmen", "Islamic State fighters", "civilians") become descriptive actors,
        as ACLED codes "Unidentified Armed Group" and "Civilians": one per distinct description."""
        for t in view.tokens:
            if t.i in tok or t.i in coref or t.pos != "NOUN":
                continue
            kind = DESCRIBED_KINDS.get(t.lower)
            if kind is None or t.dep not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "agent"):
                continue
            mods = [
                c for c in view.children(t.i) if c.dep in ("compound", "amod", "nmod", "poss") and c.i < t.i
            ]
            if any(m.dep == "poss" and m.pos == "PRON" for m in mods):
                continue  # "its forces": the owner, resolved by coreference, stands for them
            of_named = [
                o
                for p in view.children_by_dep(t.i, "prep")
                if p.lower == "of"
                for o in view.children_by_dep(p.i, "pobj")
                if any(j in tok for j in view.subtree(o.i))
            ]
            if of_named:
                continue  # "fighters of the TPLF": the named group stands for them
            if any(m.i in tok or m.i in coref for k in mods for m in (view[j] for j in view.subtree(k.i))):
                continue  # "NRF fighters", "Pakistani personnel": the named actor stands for them
            mod_words = {view[j].lower for m in mods for j in view.subtree(m.i) if view[j].pos != "PROPN"}
            if mod_words & STATE_MODIFIERS:
                kind = "state_agency"
            elif mod_words & ARMED_MODIFIERS:
                kind = "armed_group"
            start = min([t.i, *[j for m in mods for j in view.subtree(m.i)]])
            for k in range(start, t.i):
                if view[k].pos in ("SPACE", "PUNCT") or not view[k].text.strip():
                    start = k + 1  # never reach back over punctuation or a blanked dateline
            while start < t.i and (view[start].pos in ("DET", "NUM") or view[start].like_num):
                start += 1
            words = view.span_text(start, t.i + 1)
            name = words[:1].upper() + words[1:]
            add(f"described:{name.lower()}", name, kind, (start, t.i + 1))

    # ------------------------------------------------------------------ coreference
    def _coreference(self, view: ParseView, clusters: list[_Cluster], tok: dict[int, int]) -> dict[int, int]:
        """Map tokens of descriptions and pronouns to clusters. Returns token → cluster for the new tokens."""
        coref: dict[int, int] = {}
        mentions = sorted(
            ((s, e, ci) for ci, c in enumerate(clusters) for s, e in c.mentions), key=lambda m: m[0]
        )

        def before(i: int, kinds: set[str]) -> list[tuple[int, int, int]]:
            return [m for m in mentions if m[1] <= i and clusters[m[2]].kind in kinds]

        orgish = {"armed_group", "organization", "political_party", "state_agency"}
        # generic descriptions ("fighters", "government troops") are not antecedents of "the group"
        mentions = [m for m in mentions if not clusters[m[2]].key.startswith("described:")]
        for t in view.tokens:
            if t.i in tok:
                continue
            low = t.lower
            if t.pos == "NOUN" and low in GROUP_NOUNS and self._definite(view, t.i):
                cands = before(t.i, orgish)
                if not cands:
                    continue
                # in conflict news "the group" is most often an armed group: prefer one named recently
                sent_now = view[t.i].sent
                armed = [
                    m
                    for m in cands
                    if clusters[m[2]].kind == "armed_group" and sent_now - view[m[0]].sent <= 3
                ]
                if armed and low in ("group", "militants", "militia", "insurgents", "rebels", "outfit"):
                    cands = armed
                sent = view.sentence_of(t.i)
                subj = self._sentence_subject_cluster(view, sent.start, sent.end, tok)
                if view.children_by_dep(t.i, "case") or t.dep == "poss":
                    # "the group's spokesperson": the topic of the sentence, if an organisation
                    ci = subj if subj is not None and clusters[subj].kind in orgish else cands[-1][2]
                else:
                    pick = [m for m in cands if m[2] != subj or m[0] < sent.start]
                    ci = (pick or cands)[-1][2]
                lo = min(view.subtree(t.i))
                for k in range(lo, t.i + 1):
                    coref[k] = ci
                if clusters[ci].kind == "organization" and low in (
                    "militants",
                    "insurgents",
                    "rebels",
                    "militia",
                ):
                    clusters[ci].kind = "armed_group"
            elif t.pos == "PRON" and low in PERSON_PRONOUNS:
                cands = before(t.i, {"person"})
                if cands:
                    coref[t.i] = cands[-1][2]
            elif t.pos == "PRON" and low in GROUP_PRONOUNS:
                ci2 = self._group_pronoun(view, t.i, tok, coref, clusters, before)
                if ci2 is not None:
                    coref[t.i] = ci2
        return coref

    @staticmethod
    def _definite(view: ParseView, i: int) -> bool:
        return any(
            c.lower in ("the", "this", "that", "these", "those") for c in view.children_by_dep(i, "det")
        )

    @staticmethod
    def _sentence_subject_cluster(view: ParseView, start: int, end: int, tok: dict[int, int]) -> int | None:
        for i in range(start, end):
            t = view[i]
            if t.dep in ("nsubj", "nsubjpass") and view.head(i).dep == "ROOT":
                for j in view.subtree(i):
                    if j in tok:
                        return tok[j]
        return None

    def _group_pronoun(
        self,
        view: ParseView,
        i: int,
        tok: dict[int, int],
        coref: dict[int, int],
        clusters: list[_Cluster],
        before: Callable[[int, set[str]], list[tuple[int, int, int]]],
    ) -> int | None:
        t = view[i]
        kinds = {"armed_group", "organization", "political_party", "state_agency", "state", "media"}
        if t.lower in ("its", "their", "theirs"):
            # a possessive inside reported speech refers to the speaker
            for anc in view.ancestors(i):
                if anc.pos in ("VERB", "AUX") and anc.dep in ("ccomp", "ROOT", "advcl", "conj"):
                    subj = view.children_by_dep(anc.i, "nsubj")
                    if anc.dep == "ccomp":
                        outer = view.head(anc.i)
                        subj = view.children_by_dep(outer.i, "nsubj") or subj
                        if not view.children_by_dep(outer.i, "nsubj") and outer.dep == "advcl":
                            subj = view.children_by_dep(view.head(outer.i).i, "nsubj")
                    for s in subj:
                        for j in view.subtree(s.i):
                            ci = tok.get(j, coref.get(j))
                            if ci is not None and clusters[ci].kind in kinds and j != i:
                                return ci
                    break
        cands = before(i, kinds - {"state"} if t.lower in ("it", "its") else kinds)
        return cands[-1][2] if cands else None

    # ------------------------------------------------------------------ roles and affiliations
    def _roles(
        self, view: ParseView, clusters: list[_Cluster], tok: dict[int, int], coref: dict[int, int]
    ) -> None:
        def actor_in(indices: Iterable[int], exclude: int) -> int | None:
            for j in indices:
                ci = tok.get(j, coref.get(j))
                if ci is not None and ci != exclude and clusters[ci].kind != "person":
                    return ci
            return None

        for ci, c in enumerate(clusters):
            if c.kind != "person":
                continue
            for start, end in sorted(c.mentions):
                role, aff = self._left_context(view, start, tok, coref, ci, clusters)
                head_i = end - 1
                h = view[head_i]
                # "X, the chief of Y" / "a leading commander, General X" / "NRF's leader Massoud"
                nouns = [a for a in view.children_by_dep(head_i, "appos") if a.pos == "NOUN"]
                if h.dep == "appos" and view.head(head_i).pos == "NOUN":
                    nouns.append(view.head(head_i))
                if h.dep == "appos" and aff is None:
                    other = tok.get(h.head)
                    if other is not None and other != ci and clusters[other].kind == "person":
                        aff = clusters[other].affiliation
                for n in nouns:
                    word = self._role_word(view, n.i)
                    if word and role is None:
                        role = word
                    if aff is None and word:
                        aff = actor_in([j for j in view.subtree(n.i) if not (start <= j < end)], exclude=ci)
                # "X, who heads the Y"
                for rc in view.children_by_dep(head_i, "relcl"):
                    if rc.lemma in ("head", "lead", "command", "run", "found", "chair"):
                        role = role or {"found": "founder"}.get(rc.lemma, rc.lemma)
                        aff = aff or actor_in(view.subtree(rc.i), exclude=ci)
                if role and c.role is None:
                    c.role = role
                if aff is not None and c.affiliation is None:
                    c.affiliation = aff
        # coordinated people share an affiliation ("its spokesperson X and a commander, Y")
        for ci, c in enumerate(clusters):
            if c.kind != "person" or c.affiliation is not None:
                continue
            for start, end in c.mentions:
                for k in range(start, end):
                    for other in (tok.get(j) for j in self._coordinated(view, k)):
                        if other is not None and other != ci and clusters[other].affiliation is not None:
                            c.affiliation = clusters[other].affiliation

    @staticmethod
    def _coordinated(view: ParseView, k: int) -> list[int]:
        """Tokens coordinated with token ``k`` ("X and Y"), also through an apposition ("Y, a commander")."""
        t = view[k]
        out: list[int] = []
        if t.dep != "appos":
            out.extend(
                rel.i
                for rel in (view.head(k), *view.children_by_dep(k, "conj"))
                if rel.dep != "appos" and (t.dep == "conj" or rel.dep == "conj")
            )
        elif view.head(k).dep == "conj":
            out.append(view.head(k).head)
        return out

    def _role_word(self, view: ParseView, i: int) -> str | None:
        t = view[i]
        word = t.lower
        if word in ROLE_WORDS:
            return word
        # hyphenated roles split by the tokenizer: "co - founder", "vice - president"
        if i >= 2 and view[i - 1].text == "-":
            joined = f"{view[i - 2].lower}-{word}"
            if joined in ROLE_WORDS:
                return joined
        return None

    def _left_context(
        self,
        view: ParseView,
        start: int,
        tok: dict[int, int],
        coref: dict[int, int],
        me: int,
        clusters: list[_Cluster],
    ) -> tuple[str | None, int | None]:
        """Role and affiliation from the words just before a name: "Taliban spokesperson", "NRF's leader"."""
        role: str | None = None
        aff: int | None = None
        i = start - 1
        steps = 0
        while i >= 0 and steps < 8:
            t = view[i]
            if t.pos in ("VERB", "AUX", "ADP", "PRON", "CCONJ") or (t.is_punct and t.text not in ("-",)):
                break
            w = self._role_word(view, i)
            if w and role is None:
                role = w
            ci = tok.get(i, coref.get(i))
            if ci is not None and ci != me and clusters[ci].kind != "person" and aff is None:
                aff = ci
            if t.pos == "DET":
                break
            i -= 1
            steps += 1
        return role, aff

    # ------------------------------------------------------------------ output
    def _finish(
        self,
        view: ParseView,
        id_prefix: str,
        clusters: list[_Cluster],
        tok: dict[int, int],
        coref: dict[int, int],
    ) -> ActorResult:
        live = [ci for ci, c in enumerate(clusters) if c.mentions]
        live.sort(key=lambda ci: min(m[0] for m in clusters[ci].mentions))
        ids = {ci: f"{id_prefix}a{n + 1}" for n, ci in enumerate(live)}
        actors: list[Actor] = []
        for ci in live:
            c = clusters[ci]
            extra = sorted((k for k, v in coref.items() if v == ci))
            spans = {view.char_span(s, e) for s, e in c.mentions}
            spans.update(self._coref_spans(view, extra))
            name = c.name()
            aliases = tuple(dict.fromkeys(n for n in c.names if n != name))
            aff = ids.get(c.affiliation) if c.affiliation is not None else None
            country = c.country
            if country is None and c.affiliation is not None:
                country = clusters[c.affiliation].country
            actors.append(
                Actor(
                    id=ids[ci],
                    name=name,
                    kind=c.kind,
                    mentions=tuple(sorted(spans)),
                    aliases=aliases,
                    affiliation=aff,
                    role=c.role,
                    country=country,
                    component=COMPONENT + (".described" if c.key.startswith("described:") else ""),
                )
            )
        token_actor = {i: ids[ci] for i, ci in tok.items() if ci in ids}
        coref_ids = {i: ids[ci] for i, ci in coref.items() if ci in ids}

        def resolve(i: int) -> str | None:
            return token_actor.get(i) or coref_ids.get(i)

        return ActorResult(actors=tuple(actors), token_actor={**coref_ids, **token_actor}, resolve=resolve)

    @staticmethod
    def _coref_spans(view: ParseView, indices: list[int]) -> list[Span]:
        spans: list[Span] = []
        run: list[int] = []
        for i in indices:
            if run and i != run[-1] + 1:
                spans.append(view.char_span(run[0], run[-1] + 1))
                run = []
            run.append(i)
        if run:
            spans.append(view.char_span(run[0], run[-1] + 1))
        return spans
