"""Attribution: who claims what, how firmly, and through which channel.

Finds reporting cues (verbs, nouns, "according to", hedging passives and adverbs), their sources and contents,
and direct quotations, including a quotation whose attribution follows it ("...," X said on Twitter).
Claims are linked to events later (``ledger.article``); this stage only knows text and parse.
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from claimledger.actors import ActorResult
from claimledger.cue_model import CueModel
from claimledger.errors import DataFileError
from claimledger.lexicon import Channels
from claimledger.syntax import ParseView
from claimledger.types import Claim, Span

log = logging.getLogger(__name__)

COMPONENT = "attribution"

# heads of sources that name nobody ("several sources", "officials", "witnesses")
UNNAMED_NOUNS = frozenset(
    (
        "source sources official officials witness witnesses resident residents observer observers "
        "diplomat diplomats insider insiders people person persons expert experts local locals "
        "villager villagers eyewitness eyewitnesses activist activists analyst analysts"
    ).split()
)
# modifiers that keep a source unnamed (quantifiers, vagueness)
VAGUE_MODIFIERS = frozenset(
    (
        "several some many few a an the another one two three four five other various multiple unnamed "
        "anonymous numerous certain most all these those"
    ).split()
)
MEDIA_NOUNS = frozenset(
    (
        "report reports newspaper newspapers media outlet outlets agency agencies television tv "
        "channel channels broadcaster broadcasters daily press paper"
    ).split()
)
INSTITUTION_NOUNS = frozenset(
    "government ministry army military police parliament presidency embassy cabinet office command "
    "administration authority authorities court council".split()
)
# a verb mined from PolNeAR train is a cue only where the learned model gives it at least this probability
MINED_VETO = 0.15
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president leader commander official governor chief "
    "ambassador envoy general mayor secretary director".split()
)
PRESS_NOUNS = frozenset("reporter journalist press media correspondent newsman".split())
FALSE_WORDS = frozenset(
    (
        "false untrue baseless unfounded wrong fabricated incorrect groundless lies lie propaganda "
        "fake nonsense ridiculous misleading"
    ).split()
)
# quotation marks: open, close (two-character marks first: "''" is a closing or straight mark in wire text)
_QUOTE_PAIRS = (("``", "''"), ("''", "''"), ("“", "”"), ('"', '"'), ("«", "»"))


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    pos: str  # verb | noun | adv | passive
    stance: str  # assert | deny
    strength: str  # plain | strong | weak | hedge


@dataclass(frozen=True, slots=True)
class CueLexicon:
    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    adverbs: dict[str, Cue]
    passives: dict[str, Cue]


def load_cues(
    path: Path | None = None,
    mined: Path | None = None,
    min_mined_precision: float = 0.4,
    min_mined_count: int = 5,
) -> CueLexicon:
    """Read the curated cue lexicon (``data/cues.tsv`` or ``path``) and add the verbs mined from PolNeAR
    train (``data/cues_mined.tsv`` or ``mined``; see ``tools/mine_cues.py``) that are reliable enough: mined
    verbs are plain assertions (``strength`` "mined") unless the curated list says otherwise."""
    if path is None:
        text = resources.files("claimledger.data").joinpath("cues.tsv").read_text(encoding="utf-8")
        name = "claimledger/data/cues.tsv"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read cue lexicon: {exc}") from exc
        name = str(path)
    tables: dict[str, dict[str, Cue]] = {"verb": {}, "noun": {}, "adv": {}, "passive": {}}
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 4 or row[1] not in tables or row[2] not in ("assert", "deny"):
            raise DataFileError(
                f"{name}:{lineno}: expected 'cue<TAB>verb|noun|adv|passive<TAB>assert|deny<TAB>strength'"
            )
        tables[row[1]][row[0]] = Cue(row[0], row[1], row[2], row[3])
    for lemma, pos, count, precision in _mined_rows(mined):
        if pos == "verb" and precision >= min_mined_precision and count >= min_mined_count:
            tables["verb"].setdefault(lemma, Cue(lemma, "verb", "assert", "mined"))
    return CueLexicon(tables["verb"], tables["noun"], tables["adv"], tables["passive"])


def _mined_rows(path: Path | None) -> list[tuple[str, str, int, float]]:
    if path is None:
        text = resources.files("claimledger.data").joinpath("cues_mined.tsv").read_text(encoding="utf-8")
        name = "claimledger/data/cues_mined.tsv"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read mined cues: {exc}") from exc
        name = str(path)
    rows: list[tuple[str, str, int, float]] = []
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        try:
            rows.append((row[0], row[1], int(row[2]), float(row[4])))
        except (IndexError, ValueError) as exc:
            raise DataFileError(
                f"{name}:{lineno}: expected lemma, pos, count, occurrences, precision"
            ) from exc
    return rows


@dataclass(frozen=True, slots=True)
class DraftClaim:
    """A claim before it is linked to events.

    ``refers_back``: the content is a reference to earlier claims ("denied the victory claims"), so the claim
    is
    about the events of the most recent earlier claim by another source.
    """

    claim: Claim
    content_tokens: tuple[int, int]  # token range of the content
    refers_back: bool = False
    refers_to: str | None = None  # the lemma of the noun referred to ("claim", "accusation")


@dataclass(slots=True)
class _Quote:
    open_char: int
    close_char: int  # index of the closing mark
    inner: Span
    tokens: tuple[int, int]
    cue: int | None = None  # the cue inside a quotation split by its attribution


class AttributionExtractor:
    """Extracts claims from one article's parse. Data (cues, channels) are passed in."""

    def __init__(self, cues: CueLexicon, channels: Channels, model: CueModel | None = None) -> None:
        self.cues = cues
        self.channels = channels
        self.model = model  # the learned detector for cues the lexicon lacks (``cue_model``)

    def extract(
        self, view: ParseView, actors: ActorResult, time_of: dict[int, str], id_prefix: str
    ) -> list[DraftClaim]:
        quotes = self._quotes(view)
        inside_quote = {i for q in quotes for i in range(*q.tokens)}
        drafts: list[tuple[Claim, tuple[int, int], bool]] = []
        used_cues: set[int] = set()

        # 1. direct quotations with their attribution before or after
        speaker: tuple[str | None, str, str | None, Span | None, int] | None = None
        quotes = self._join_split_quotes(view, quotes)
        for q in quotes:
            cue_i = q.cue or self._cue_after(view, q) or self._cue_before(view, q)
            if cue_i is None and self._is_long(view, q):
                colon = self._colon_attribution(view, q, actors)
                if colon is not None:
                    drafts.append((colon, q.tokens, False))
                    speaker = (
                        colon.source,
                        colon.source_kind,
                        colon.source_text,
                        colon.source_span,
                        view[q.tokens[0]].sent,
                    )
                    continue
            if not self._is_long(view, q) and (cue_i is None or not self._adjacent(view, q, cue_i)):
                continue  # a scare quote ("Pakistani drones") or a mixed quote inside another claim
            if cue_i is not None:
                used_cues.add(cue_i)
                src = self._source(view, cue_i, actors)
                if src is None:
                    continue
                claim = self._make(
                    view, cue_i, src, q.inner, actors, time_of, quote=view.text[q.inner.start : q.inner.end]
                )
                drafts.append((claim, q.tokens, False))
                speaker = (
                    claim.source,
                    claim.source_kind,
                    claim.source_text,
                    claim.source_span,
                    view[q.tokens[0]].sent,
                )
            elif speaker is not None and view[q.tokens[0]].sent - speaker[4] <= 2:
                # a quotation with no cue continues the current speaker
                src_id, kind, stext, sspan, _ = speaker
                drafts.append(
                    (
                        Claim(
                            id="",
                            source_kind=kind,
                            stance="assert",
                            content=q.inner,
                            span=q.inner,
                            source=src_id,
                            source_text=stext,
                            source_span=sspan,
                            quote=view.text[q.inner.start : q.inner.end],
                            component=COMPONENT,
                        ),
                        q.tokens,
                        False,
                    )
                )

        # 2. cue verbs, passives and nouns outside quotations
        for t in view.tokens:
            if t.i in used_cues or t.i in inside_quote:
                if t.i in inside_quote:
                    self._deny_by_falsehood(view, t.i, drafts, quotes, actors, time_of)
                continue
            if t.lower in ("according", "as"):
                self._according_to(view, t.i, actors, time_of, drafts)
                continue
            if t.pos not in ("VERB", "AUX", "NOUN", "ADJ"):
                self._adverb(view, t.i, actors, time_of, drafts)
                continue
            if t.pos == "NOUN":
                if not self._deny_by_falsehood(view, t.i, drafts, quotes, actors, time_of):
                    self._noun_cue(view, t.i, actors, time_of, drafts)
                continue
            if t.pos == "ADJ":
                continue
            if view.is_negated(t.i):
                continue
            if t.lemma in self.cues.passives and view.children_by_dep(t.i, "auxpass"):
                self._passive(view, t.i, actors, time_of, drafts)
                continue
            cue = self.cues.verbs.get(t.lemma)
            if cue is None and self.model is not None and self.model.is_cue(view, t.i):
                cue = Cue(t.lemma, "verb", "assert", "learned")
            if (
                cue is not None
                and cue.strength == "mined"
                and self.model is not None
                and self.model.probability(view, t.i) < MINED_VETO
            ):
                cue = None  # a mined verb ("release", "call") used here in its ordinary, non-reporting sense
            if cue is None:
                continue
            relayed = self._quoted_as_saying(view, t.i)
            if relayed is not None:
                # "State TV quoted the army as saying that ...": the army is the source of the saying
                content = self._content(view, t.i, cue)
                if content is not None:
                    src = self._classify(view, relayed, actors)
                    (cs, ce), back = content
                    drafts.append(
                        (self._make(view, t.i, src, view.char_span(cs, ce), actors, time_of), (cs, ce), back)
                    )
                continue
            content = self._content(view, t.i, cue)
            if content is None:
                continue
            src = self._source(view, t.i, actors)
            if src is None:
                agent = [
                    o for a in view.children_by_dep(t.i, "agent") for o in view.children_by_dep(a.i, "pobj")
                ]
                if agent:
                    src = self._classify(view, agent[0].i, actors)
                elif cue.strength in ("learned", "mined") or t.tag == "VBN":
                    src = (None, "unnamed", None, None)
            if src is None:
                continue
            (cs, ce), refers_back = content
            claim = self._make(view, t.i, src, view.char_span(cs, ce), actors, time_of)
            drafts.append((claim, (cs, ce), refers_back))

        drafts.sort(key=lambda d: (d[0].content.start, d[0].content.end))
        out: list[DraftClaim] = []
        seen: set[tuple[int, int, str | None]] = set()
        for n, (claim, rng, back) in enumerate(drafts):
            key = (claim.content.start, claim.content.end, claim.source)
            if key in seen:
                continue
            seen.add(key)
            noun = next((view[k].lemma for k in range(*rng) if view[k].lemma in self.cues.nouns), None)
            out.append(DraftClaim(_with_id(claim, f"{id_prefix}c{n + 1}"), rng, back, noun if back else None))
        return _with_chains(out)

    # ------------------------------------------------------------------ quotations
    def _quotes(self, view: ParseView) -> list[_Quote]:
        text = view.text
        out: list[_Quote] = []
        i = 0
        n = len(text)
        while i < n:
            pair = next((p for p in _QUOTE_PAIRS if text.startswith(p[0], i)), None)
            if pair is None:
                i += 1
                continue
            o = len(pair[0])
            j = text.find(pair[1], i + o)
            # a quotation may run over several sentences but not over a paragraph break
            if j == -1 or "\n" in text[i:j]:
                i += o
                continue
            inner = Span(i + o, j)
            first = view.token_at_char(i + o)
            last = view.token_at_char(j - 1)
            if first is not None and last is not None and j - i > o and first <= last:
                out.append(_Quote(i, j + len(pair[1]) - 1, inner, (first, last + 1)))
            i = j + len(pair[1])
        return out

    @staticmethod
    def _is_long(view: ParseView, q: _Quote) -> bool:
        words = [view[k] for k in range(*q.tokens) if not view[k].is_punct]
        return len(words) >= 5 or any(view[k].pos in ("VERB", "AUX") for k in range(*q.tokens))

    def _join_split_quotes(self, view: ParseView, quotes: list[_Quote]) -> list[_Quote]:
        """“A,” X said, “B.”: one quotation interrupted by its attribution; its content spans both parts."""
        out: list[_Quote] = []
        k = 0
        while k < len(quotes):
            q = quotes[k]
            if k + 1 < len(quotes):
                nxt = quotes[k + 1]
                between = range(q.tokens[1], nxt.tokens[0])
                gap = [view[j] for j in between if view[j].text not in ("”", "“", '"', "''", "``")]
                cue_tok = next(
                    (t.i for t in gap if t.pos in ("VERB", "AUX") and t.lemma in self.cues.verbs), None
                )
                has_cue = cue_tok is not None
                if (
                    has_cue
                    and len(gap) <= 8
                    and gap
                    and gap[-1].text in (",", ".", ":")
                    and view.text[q.inner.end - 1 : q.inner.end] in (",", "?", "!")
                    and "\n" not in view.text[q.close_char : nxt.open_char]
                ):
                    out.append(
                        _Quote(
                            q.open_char,
                            nxt.close_char,
                            Span(q.inner.start, nxt.inner.end),
                            (q.tokens[0], nxt.tokens[1]),
                            cue_tok,
                        )
                    )
                    k += 2
                    continue
            out.append(q)
            k += 1
        return out

    @staticmethod
    def _adjacent(view: ParseView, q: _Quote, cue_i: int) -> bool:
        """The cue directly follows the quotation (after a comma and the speaker) or introduces it."""
        if cue_i >= q.tokens[1]:
            between = range(q.tokens[1], cue_i)
            return any(view[k].text == "," for k in between) and len(between) <= 6
        return q.tokens[0] - cue_i <= 3

    def _cue_after(self, view: ParseView, q: _Quote) -> int | None:
        k = view.token_at_char(q.close_char + 1)
        if k is None:
            return None
        for j in range(k, min(k + 8, len(view))):
            t = view[j]
            if t.text in (".", "!", "?") or t.text in ("“", '"', "``", "''"):
                return None
            if t.pos in ("VERB", "AUX") and t.lemma in self.cues.verbs:
                return None if self._own_complement(view, j, q) else j
        return None

    def _cue_before(self, view: ParseView, q: _Quote) -> int | None:
        k = q.tokens[0] - 1
        while k >= 0 and view[k].text in ("“", '"', "«"):
            k -= 1
        if k < 0 or view[k].text not in (":", ","):
            return None
        while k >= 0 and view[k].text in ("``", "''"):
            k -= 1
        for j in range(k - 1, max(k - 10, -1), -1):
            t = view[j]
            if t.text in (".", "!", "?", "”"):
                return None
            if t.pos in ("VERB", "AUX") and t.lemma in self.cues.verbs:
                return None if self._own_complement(view, j, q) else j
        return None

    def _colon_attribution(self, view: ParseView, q: _Quote, actors: ActorResult) -> Claim | None:
        """ "X echoed: “...”", "From the report: “...”": a speaker and a colon before a quotation."""
        k = q.tokens[0] - 1
        while k >= 0 and (view[k].text in ("“", '"', "«", "``", "''") or not view[k].text.strip()):
            k -= 1
        if k <= 0 or view[k].text != ":":
            return None
        s = view.sentence_of(k)
        words = [j for j in range(max(s.start, k - 8), k) if not view[j].is_punct]
        if not words:
            return None
        head = max(words, key=lambda j: len(view.subtree(j)) if view[j].head not in words else -1)
        who = next(
            (j for j in reversed(words) if actors.resolve(j) or view[j].pos in ("PROPN", "NOUN")), head
        )
        src = self._classify(view, who, actors)
        colon = view[k].span
        return Claim(
            id="",
            source_kind=src[1],
            stance="assert",
            content=q.inner,
            span=Span(min(view[words[0]].idx, colon.start), q.inner.end),
            source=src[0],
            source_text=src[2],
            source_span=src[3],
            cue=":",
            cue_span=colon,
            quote=view.text[q.inner.start : q.inner.end],
            component=COMPONENT,
        )

    @staticmethod
    def _own_complement(view: ParseView, j: int, q: _Quote) -> bool:
        """Whether cue ``j`` has a complement of its own outside the quotation ("vowing to compete")."""
        inside = range(*q.tokens)
        for c in view.children(j):
            if c.dep in ("ccomp", "xcomp", "dobj") and c.i not in inside:
                sub = view.subtree(c.i)
                if not any(k in inside for k in sub) and not all(view[k].is_punct for k in sub):
                    return True
        return False

    # ------------------------------------------------------------------ content
    @staticmethod
    def _interposed(view: ParseView, i: int) -> tuple[int, int] | None:
        """ "The industry, she said, is doing better": the cue sits between commas inside its content."""
        t = view[i]
        if (
            view.children_by_dep(i, "ccomp")
            or t.dep not in ("parataxis", "ccomp", "advcl", "conj")
            or t.head == i
        ):
            return None
        own = view.subtree(i)
        lo, hi = own[0], own[-1]
        if lo == 0 or hi + 1 >= len(view) or view[lo - 1].text != "," or view[hi + 1].text != ",":
            return None
        if any(view[k].dep in ("dobj", "xcomp") for k in own if k != i and view[k].head == i):
            return None
        head_tree = [k for k in view.subtree(t.head) if k not in own]
        if not head_tree or head_tree[0] >= lo:
            return None
        return head_tree[0], head_tree[-1] + 1

    def _trailing_attribution(self, view: ParseView, start: int, end: int, cue_i: int) -> int | None:
        """Where, inside ``[start, end)``, a trailing ", X reports" begins (the comma's index), if any."""
        for k in range(start, end):
            t = view[k]
            if k == cue_i or t.pos not in ("VERB", "AUX") or t.lemma not in self.cues.verbs:
                continue
            subj = view.children_by_dep(k, "nsubj")
            if not subj:
                continue
            first = min(view.subtree(subj[0].i))
            rest = [j for j in range(k + 1, end) if not view[j].is_punct]
            if first > start and view[first - 1].text == "," and not rest:
                return first - 1
        return None

    def _content(self, view: ParseView, i: int, cue: Cue) -> tuple[tuple[int, int], bool] | None:
        comps = view.children_by_dep(i, "ccomp")
        if comps:
            sub = view.subtree(comps[0].i)
            start, end = sub[0], sub[-1] + 1
            if end <= i:
                # "..., Reuters reports": the content is everything before the reporting clause
                s = view.sentence_of(i)
                subj = view.children_by_dep(i, "nsubj")
                first = min(view.subtree(subj[0].i)) if subj else i
                if first > s.start and view[first - 1].text == ",":
                    start, end = s.start, first - 1
            cut = self._trailing_attribution(view, start, end, i)
            if cut is not None and cut > start:
                end = cut
            while start < end and (view[start].is_punct or not view[start].text.strip()):
                start += 1
            return (start, end), False
        dobj = view.children_by_dep(i, "dobj")
        as_saying = [p for p in view.children_by_dep(i, "prep") if p.lower == "as"]
        if dobj and as_saying and cue.lemma in ("quote", "cite", "describe", "report"):
            sub = sorted(set(view.subtree(dobj[0].i)) | set(view.subtree(as_saying[0].i)))
            start, end = sub[0], sub[-1] + 1
            cut = self._trailing_attribution(view, start, end, i)
            return (start, cut if cut is not None and cut > start else end), False
        if dobj and dobj[0].lemma == "responsibility":
            # "X claimed responsibility for the attack": X asserts it did it
            fors = [p for p in view.children_by_dep(dobj[0].i, "prep") if p.lower == "for"]
            if fors:
                sub = view.subtree(fors[0].i)
                return (sub[0], sub[-1] + 1), False
        if cue.lemma in ("accuse", "blame", "charge", "suspect") and dobj:
            preps = [p for p in view.children_by_dep(i, "prep") if p.lower in ("of", "for")]
            if preps:
                sub = view.subtree(dobj[0].i) + view.subtree(preps[0].i)
                return (min(sub), max(sub) + 1), False
        if cue.stance == "deny" and dobj:
            sub = view.subtree(dobj[0].i)
            back = any(view[k].lemma in self.cues.nouns for k in sub) or (
                len(sub) == 1 and view[sub[0]].lower in ("it", "this", "that", "them", "these", "those")
            )
            return (sub[0], sub[-1] + 1), back
        t = view[i]
        interposed = self._interposed(view, i)
        if interposed is not None:
            return interposed, False
        if cue.stance == "deny" and not dobj and t.dep == "relcl" and view.head(i).lemma in self.cues.nouns:
            # "..., an accusation the Kremlin denies"
            return (t.head, t.head + 1), True
        if t.dep in ("conj", "parataxis") and t.head < i:
            # "Militants stormed a hotel ..., police officer Ahmed Ali told Reuters."
            subj = view.children_by_dep(i, "nsubj")
            if subj:
                first = min(view.subtree(subj[0].i))
                if first > 0 and view[first - 1].text == ",":
                    start = view.sentence_of(i).start
                    while start < first - 1 and (view[start].is_punct or not view[start].text.strip()):
                        start += 1
                    if start < first - 1:
                        return (start, first - 1), False
        xcomp = view.children_by_dep(i, "xcomp")
        if xcomp and cue.lemma in (
            "claim",
            "deny",
            "confirm",
            "report",
            "threaten",
            "vow",
            "promise",
            "pledge",
        ):
            sub = view.subtree(xcomp[0].i)
            return (sub[0], sub[-1] + 1), False
        if cue.stance == "assert":
            return self._general_content(view, i)
        return None

    @staticmethod
    def _general_content(view: ParseView, i: int) -> tuple[tuple[int, int], bool] | None:
        """What a broad cue ("criticized X for Y", "called for Y", "wants to Y") says: its clausal or object
        complements, up to the end of its own clause."""
        parts = [
            c
            for c in view.children(i)
            if c.i > i
            and (
                c.dep in ("xcomp", "dobj", "oprd", "attr", "acomp")
                or (
                    c.dep == "prep"
                    and c.lower in ("for", "about", "on", "over", "against", "of", "that", "as")
                )
            )
        ]
        if not parts:
            # no complement: whatever follows the cue in its own clause ("seemed eager to ...")
            parts = [c for c in view.children(i) if c.i > i and c.dep not in ("punct", "cc", "conj", "mark")]
        if not parts:
            return None
        sub = sorted({k for c in parts for k in view.subtree(c.i)})
        return (sub[0], sub[-1] + 1), False

    @staticmethod
    def _role_antecedent(view: ParseView, s: int, actors: ActorResult) -> str | None:
        """ "the spokesman", "the minister": the person named before in that role (or the one person named
        in the last three sentences, when only one was)."""
        head = view[s]
        if not any(d.lower == "the" for d in view.children_by_dep(s, "det")):
            return None
        role = head.lower
        if role not in ROLE_NOUNS:
            return None
        sent = head.sent
        people = [
            a
            for a in actors.actors
            if a.kind == "person"
            and any(
                m.start < head.idx and view[view.token_at_char(m.start) or 0].sent >= sent - 3
                for m in a.mentions
            )
        ]
        same_role = [a for a in people if a.role and (a.role == role or a.role.startswith(role[:5]))]
        if same_role:
            return max(same_role, key=lambda a: max(m.start for m in a.mentions if m.start < head.idx)).id
        return people[0].id if len(people) == 1 else None

    @staticmethod
    def _quoted_as_saying(view: ParseView, i: int) -> int | None:
        """For "saying" in "X quoted Y as saying ...": the token of Y."""
        t = view[i]
        head = view.head(i)
        if t.dep != "pcomp" or head.lower != "as":
            return None
        verb = view.head(head.i)
        if verb.lemma not in ("quote", "cite", "describe", "report"):
            return None
        dobj = view.children_by_dep(verb.i, "dobj")
        return dobj[0].i if dobj else None

    # ------------------------------------------------------------------ sources
    def _subject(self, view: ParseView, i: int) -> int | None:
        cur = i
        for _ in range(4):
            subj = view.subject(cur)
            if subj is not None:
                return subj
            t = view[cur]
            if t.dep in ("advcl", "conj", "xcomp", "acl", "relcl", "dobj", "pcomp") and t.head != cur:
                cur = t.head
                continue
            break
        return None

    def _source(
        self, view: ParseView, cue_i: int, actors: ActorResult
    ) -> tuple[str | None, str, str | None, Span | None] | None:
        """(actor id, source kind, source text, source span) of the cue's speaker."""
        s = self._subject(view, cue_i)
        if s is None:
            return None
        return self._classify(view, s, actors)

    def _classify(
        self, view: ParseView, s: int, actors: ActorResult
    ) -> tuple[str | None, str, str | None, Span | None]:
        sub = [k for k in view.subtree(s) if view[k].dep not in ("relcl",)]
        rel = set()
        for r in view.children_by_dep(s, "relcl", "acl"):
            rel.update(view.subtree(r.i))
        sub = [k for k in sub if k not in rel]
        span = view.char_span(sub[0], sub[-1] + 1)
        text = view.text[span.start : span.end]
        head = view[s]
        own = actors.resolve(s)
        if own is None or (actors.actor(own) is not None and actors.actor(own).kind != "person"):  # type: ignore[union-attr]
            # a person named inside the subject ("NRF's leader Massoud") is the speaker
            for k in sub:
                a = actors.actor(actors.resolve(k))
                if a is not None and a.kind == "person" and view[k].dep in ("appos", "compound", "nsubj"):
                    return a.id, "named", text, span
        if own is not None:
            actor = actors.actor(own)
            kind = "media" if actor is not None and actor.kind == "media" else "named"
            if actor is not None and actor.component.endswith(".described"):
                mods = [view[k] for k in sub if k != s and not view[k].is_punct]
                vague = all(m.lower in VAGUE_MODIFIERS or m.like_num for m in mods)
                kind = "unnamed" if vague else "described"
                # "the army", "the ministry", "police": an institution speaking is a named source
                if (
                    actor.kind == "state_agency"
                    and head.tag in ("NN", "NNS", "NNP")
                    and (not mods or all(m.lower in ("the",) for m in mods))
                ):
                    kind = "named"
            if head.pos == "PRON" and actor is None:
                kind = "unnamed"
            return own, kind, text, span
        inner = next((a for a in (actors.resolve(k) for k in sub) if a is not None), None)
        low = head.lower
        mods = [view[k] for k in sub if k != s and not view[k].is_punct]
        if low in MEDIA_NOUNS or head.lemma in MEDIA_NOUNS:
            return inner, "media", text, span
        person = self._role_antecedent(view, s, actors)
        if person is not None:
            return person, "named", text, span
        if inner is not None and head.lemma in INSTITUTION_NOUNS:
            # "Russia's defence ministry", "the Ethiopian government": an institution of a named actor
            return inner, "named", text, span
        if low in UNNAMED_NOUNS and all(m.lower in VAGUE_MODIFIERS or m.like_num for m in mods):
            return None, "unnamed", text, span
        if head.pos == "PRON":
            return None, "unnamed", text, span
        return inner, "described", text, span

    # ------------------------------------------------------------------ claim assembly
    def _make(
        self,
        view: ParseView,
        cue_i: int,
        src: tuple[str | None, str, str | None, Span | None],
        content: Span,
        actors: ActorResult,
        time_of: dict[int, str],
        quote: str | None = None,
        cue_text: str | None = None,
        hedged: bool = False,
        stance: str | None = None,
    ) -> Claim:
        t = view[cue_i]
        cue = self.cues.verbs.get(t.lemma) or self.cues.nouns.get(t.lemma) or self.cues.passives.get(t.lemma)
        source, kind, stext, sspan = src
        parts = [content, t.span] + ([sspan] if sspan else [])
        return Claim(
            id="",
            source_kind=kind,
            stance=stance or (cue.stance if cue else "assert"),
            content=content,
            span=Span(min(p.start for p in parts), max(p.end for p in parts)),
            source=source,
            source_text=stext,
            source_span=sspan,
            cue=cue_text or t.text,
            cue_span=t.span,
            hedged=hedged or (cue is not None and cue.strength == "hedge"),
            quote=quote,
            channel=self._channel(view, cue_i),
            time=self._time(view, cue_i, time_of),
            component=COMPONENT,
        )

    def _channel(self, view: ParseView, i: int) -> str | None:
        nodes = [i]
        if view[i].dep in ("acl", "conj", "advcl") and view[i].head != i:
            nodes.append(view[i].head)
            h = view.head(i)
            if h.dep in ("acl", "dobj") and h.head != h.i:
                nodes.append(h.head)
        for n in nodes:
            if self.channels.lookup(view[n].lower):
                return self.channels.lookup(view[n].lower)
            for c in view.children(n):
                if c.dep == "prep" and c.lower in ("on", "via", "in", "through", "during", "at"):
                    for p in view.children_by_dep(c.i, "pobj"):
                        words = [view[k].text for k in view.subtree(p.i) if view[k].dep != "det"]
                        ch = self.channels.lookup(" ".join(words)) or self.channels.lookup(p.text)
                        if ch:
                            return ch
                if c.dep in ("dobj", "dative") and self.channels.lookup(c.text):
                    return self.channels.lookup(c.text)
                if c.dep in ("dobj", "dative") and c.lemma in PRESS_NOUNS:
                    return "reporters"  # "told reporters", "told journalists"
        return None

    @staticmethod
    def _time(view: ParseView, i: int, time_of: dict[int, str]) -> str | None:
        for c in view.children(i):
            for k in view.subtree(c.i):
                if k in time_of and c.dep in ("prep", "npadvmod", "advmod", "tmod"):
                    return time_of[k]
        return None

    # ------------------------------------------------------------------ special constructions
    def _passive(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        """ "X is said to have ...", "X is reported to ...", "it is believed that ..."."""
        xcomp = view.children_by_dep(i, "xcomp", "ccomp")
        if not xcomp:
            return
        subj = view.children_by_dep(i, "nsubjpass")
        sub = view.subtree(xcomp[0].i)
        if subj and view[subj[0].i].lower != "it":
            sub = sorted(set(sub) | set(view.subtree(subj[0].i)))
        agent = [a for a in view.children_by_dep(i, "agent")]
        if agent and view.children_by_dep(agent[0].i, "pobj"):
            src = self._classify(view, view.children_by_dep(agent[0].i, "pobj")[0].i, actors)
        else:
            src = (None, "unnamed", None, None)
        aux = [a for a in view.children_by_dep(i, "auxpass")]
        to = [c for c in view.children(xcomp[0].i) if c.lower == "to" and c.i < xcomp[0].i]
        cue_words = [view[aux[0].i].text] if aux else []
        cue_words.append(view[i].text)
        if to:
            cue_words.append("to")
        content = view.char_span(sub[0], sub[-1] + 1)
        claim = self._make(view, i, src, content, actors, time_of, cue_text=" ".join(cue_words), hedged=True)
        drafts.append((claim, (sub[0], sub[-1] + 1), False))

    def _adverb(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        t = view[i]
        if t.lower not in self.cues.adverbs or t.dep != "advmod":
            return
        head = t.head
        sub = view.subtree(head)
        content = view.char_span(sub[0], sub[-1] + 1)
        claim = Claim(
            id="",
            source_kind="unnamed",
            stance="assert",
            content=content,
            span=content,
            cue=t.text,
            cue_span=t.span,
            hedged=True,
            component=COMPONENT,
        )
        drafts.append((claim, (sub[0], sub[-1] + 1), False))

    def _according_to(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        """ "according to X, ..." and "as per X, ..."."""
        t = view[i]
        if t.lower == "according":
            preps = [c for c in view.children(i) if c.lower == "to"]
            cue_text = "according to"
        elif t.lower == "as" and i + 1 < len(view) and view[i + 1].lower == "per":
            preps = [view[i + 1]]
            cue_text = "as per"
        else:
            return
        if not preps:
            return
        pobj = view.children_by_dep(preps[0].i, "pobj")
        if not pobj:
            return
        src = self._classify(view, pobj[0].i, actors)
        # the content is the clause the phrase modifies, minus the phrase itself
        anchor = t.i
        while view[anchor].dep in ("prep", "pcomp", "advmod") and view[anchor].head != anchor:
            anchor = view[anchor].head
            if view[anchor].pos in ("VERB", "AUX"):
                break
        phrase = set(view.subtree(t.i))
        sub = [k for k in view.subtree(anchor) if k not in phrase and not view[k].is_punct]
        if not sub:
            return
        content = view.char_span(sub[0], sub[-1] + 1)
        claim = self._make(view, i, src, content, actors, time_of, cue_text=cue_text)
        drafts.append((claim, (sub[0], sub[-1] + 1), False))

    def _noun_cue(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        """ "the NRF's allegations of foreign support", "X's claim that ...", "a statement by X that"."""
        t = view[i]
        learned = self.cues.nouns.get(t.lemma) is None
        if learned and (self.model is None or not self.model.is_cue(view, i)):
            return
        owner = [c for c in view.children_by_dep(i, "poss") if c.pos != "PRON" or actors.resolve(c.i)]
        by = [
            o
            for p in view.children_by_dep(i, "prep")
            if p.lower in ("by", "from")
            for o in view.children_by_dep(p.i, "pobj")
        ]
        speakers = owner or by
        if not speakers and learned and t.dep in ("dobj", "pobj"):
            # "Trump raised questions about X": the one who voices it
            gov = t.head if t.dep == "dobj" else view[t.head].head
            subj = self._subject(view, gov)
            speakers = [view[subj]] if subj is not None else []
        if not speakers and not learned:
            return
        comp = [
            k
            for c in view.children(i)
            if (
                c.dep in ("acl", "ccomp")
                or (c.dep == "prep" and c.lower in ("of", "about", "on", "that", "to"))
            )
            and c.i > i
            for k in view.subtree(c.i)
        ]
        if not comp:
            return
        src = self._classify(view, speakers[0].i, actors) if speakers else (None, "unnamed", None, None)
        content = view.char_span(min(comp), max(comp) + 1)
        claim = self._make(view, i, src, content, actors, time_of)
        drafts.append((claim, (min(comp), max(comp) + 1), False))

    def _deny_by_falsehood(
        self,
        view: ParseView,
        i: int,
        drafts: list[tuple[Claim, tuple[int, int], bool]],
        quotes: list[_Quote],
        actors: ActorResult,
        time_of: dict[int, str],
    ) -> bool:
        """ "X's claim of/that Y is false": a denial of Y by whoever says it. Returns whether it matched."""
        t = view[i]
        if t.pos != "NOUN" or t.lemma not in self.cues.nouns or t.dep not in ("nsubj", "nsubjpass"):
            return False
        head = view.head(i)
        if head.lemma != "be" or not any(
            c.lower in FALSE_WORDS for c in view.children_by_dep(head.i, "acomp", "attr")
        ):
            return False
        comp = [
            k
            for c in view.children(i)
            if c.dep in ("prep", "acl", "ccomp") and c.i > i
            for k in view.subtree(c.i)
        ]
        if not comp:
            return False
        content = view.char_span(min(comp), max(comp) + 1)
        # the speaker: the source of the quotation this sentence is in
        speaker = None
        for claim, rng, _ in drafts:
            if claim.quote is not None and rng[0] <= i < rng[1]:
                speaker = claim
        if speaker is None:
            return False
        falsity = next(c for c in view.children_by_dep(head.i, "acomp", "attr") if c.lower in FALSE_WORDS)
        src = (speaker.source, speaker.source_kind, speaker.source_text, speaker.source_span)
        claim = self._make(
            view,
            i,
            src,
            content,
            actors,
            time_of,
            cue_text=f"{t.text} ... {head.text} {falsity.text}",
            stance="deny",
        )
        claim = replace(claim, channel=speaker.channel, time=speaker.time)
        drafts.append((claim, (min(comp), max(comp) + 1), False))
        return True


def _with_chains(drafts: list[DraftClaim]) -> list[DraftClaim]:
    """Nesting: a claim whose whole attribution lies in another claim's content is relayed by it
    (``via``, outermost first)."""
    out: list[DraftClaim] = []
    for d in drafts:
        outer = [
            o.claim
            for o in drafts
            if o.claim.id != d.claim.id
            and o.claim.content.contains(d.claim.span)
            and len(o.claim.content) > len(d.claim.span) - 1
            and o.claim.cue is not None
        ]
        outer.sort(key=lambda c: -len(c.content))
        out.append(replace(d, claim=replace(d.claim, via=tuple(c.id for c in outer))) if outer else d)
    return out


def _with_id(c: Claim, cid: str) -> Claim:
    return replace(c, id=cid)
