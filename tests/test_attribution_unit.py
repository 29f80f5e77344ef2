"""``AttributionExtractor`` on hand-built parses, with the actors given by hand (no model, no actor stage)."""

from __future__ import annotations

import pytest

from claimledger.attribution import AttributionExtractor, DraftClaim, load_cues
from claimledger.errors import DataFileError
from claimledger.lexicon import load_channels
from claimledger.syntax import ParseView

from .docs import ActorSpec, make_actors, parse_rows


@pytest.fixture(scope="module")
def extractor() -> AttributionExtractor:
    return AttributionExtractor(load_cues(), load_channels())


def claims_of(
    extractor: AttributionExtractor,
    text: str,
    rows: str,
    spec: ActorSpec | None = None,
    time_of: dict[int, str] | None = None,
    described: frozenset[str] = frozenset(),
) -> list[DraftClaim]:
    parse = parse_rows(text, rows)
    actors = make_actors(parse, spec or {}, described)
    return extractor.extract(ParseView(parse), actors, time_of or {}, "x")


def span_text(text: str, span: object) -> str:
    assert span is not None
    return text[span.start : span.end]  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------------- "X said that Y"

SAID_TEXT = "The Justice Front said that rebels attacked a convoy."
SAID_ROWS = """
0 The      the     DET   DT  det      2 B-ORG
1 Justice  justice PROPN NNP compound 2 I-ORG
2 Front    front   PROPN NNP nsubj    3 I-ORG
3 said     say     VERB  VBD ROOT     3
4 that     that    SCONJ IN  mark     6
5 rebels   rebel   NOUN  NNS nsubj    6
6 attacked attack  VERB  VBD ccomp    3
7 a        a       DET   DT  det      8
8 convoy   convoy  NOUN  NN  dobj     6
9 .        .       PUNCT .   punct    3
"""
FRONT = {"a1": ("Justice Front", "armed_group", [(1, 3)])}


def test_said_that_has_the_ccomp_as_content(extractor: AttributionExtractor) -> None:
    drafts = claims_of(extractor, SAID_TEXT, SAID_ROWS, FRONT)
    assert len(drafts) == 1
    d = drafts[0]
    c = d.claim
    assert (c.id, c.source_kind, c.source, c.stance, c.cue) == ("xc1", "named", "a1", "assert", "said")
    assert span_text(SAID_TEXT, c.content) == "that rebels attacked a convoy"
    assert d.content_tokens == (4, 9) and d.refers_back is False
    assert span_text(SAID_TEXT, c.cue_span) == "said"
    assert c.source_text == "The Justice Front" and span_text(SAID_TEXT, c.source_span) == "The Justice Front"
    assert span_text(SAID_TEXT, c.span) == "The Justice Front said that rebels attacked a convoy"
    assert not c.hedged and c.quote is None and c.channel is None and c.time is None
    assert c.component == "attribution" and c.event is None


def test_cue_time_comes_from_a_time_phrase_on_the_cue(extractor: AttributionExtractor) -> None:
    text = "The Justice Front said on Monday that rebels attacked a convoy."
    rows = """
    0  The      the     DET   DT  det      2 B-ORG
    1  Justice  justice PROPN NNP compound 2 I-ORG
    2  Front    front   PROPN NNP nsubj    3 I-ORG
    3  said     say     VERB  VBD ROOT     3
    4  on       on      ADP   IN  prep     3
    5  Monday   monday  PROPN NNP pobj     4 B-DATE
    6  that     that    SCONJ IN  mark     8
    7  rebels   rebel   NOUN  NNS nsubj    8
    8  attacked attack  VERB  VBD ccomp    3
    9  a        a       DET   DT  det      10
    10 convoy   convoy  NOUN  NN  dobj     8
    11 .        .       PUNCT .   punct    3
    """
    (d,) = claims_of(extractor, text, rows, FRONT, time_of={5: "xt1"})
    assert d.claim.time == "xt1"
    assert span_text(text, d.claim.content) == "that rebels attacked a convoy"


def _said_that(subject: list[str]) -> tuple[str, str]:
    """Text and rows of "<subject> said that rebels attacked a convoy." with subject rows
    "word lemma POS TAG dep head" (head: an index into the subject, or S for "said")."""
    n = len(subject)
    lines = []
    words = []
    for k, row in enumerate(subject):
        word, lemma, p, tag, dep, head = row.split()
        h = n if head == "S" else int(head)
        lines.append(f"{k} {word} {lemma} {p} {tag} {dep} {h}")
        words.append(word)
    rest = [
        ("said", "say", "VERB", "VBD", "ROOT", n),
        ("that", "that", "SCONJ", "IN", "mark", n + 3),
        ("rebels", "rebel", "NOUN", "NNS", "nsubj", n + 3),
        ("attacked", "attack", "VERB", "VBD", "ccomp", n),
        ("a", "a", "DET", "DT", "det", n + 5),
        ("convoy", "convoy", "NOUN", "NN", "dobj", n + 3),
        (".", ".", "PUNCT", ".", "punct", n),
    ]
    for k, (word, lemma, p, tag, dep, h) in enumerate(rest, start=n):
        lines.append(f"{k} {word} {lemma} {p} {tag} {dep} {h}")
    return " ".join(words) + " said that rebels attacked a convoy.", "\n".join(lines)


@pytest.mark.parametrize(
    ("subject", "spec", "described", "kind", "source"),
    [
        (["Several several ADJ JJ amod 1", "sources source NOUN NNS nsubj S"], {}, (), "unnamed", None),
        (["Officials official NOUN NNS nsubj S"], {}, (), "unnamed", None),
        (["He he PRON PRP nsubj S"], {}, (), "unnamed", None),
        (
            ["Police police NOUN NN compound 1", "commanders commander NOUN NNS nsubj S"],
            {},
            (),
            "described",
            None,
        ),
        (
            ["The the DET DT det 2", "Daily daily PROPN NNP compound 2", "Herald herald PROPN NNP nsubj S"],
            {"m1": ("Daily Herald", "media", [(1, 3)])},
            (),
            "media",
            "m1",
        ),
        (
            ["Jane jane PROPN NNP compound 1", "Doe doe PROPN NNP nsubj S"],
            {"p1": ("Jane Doe", "person", [(0, 2)])},
            (),
            "named",
            "p1",
        ),
        (
            ["Gunmen gunman NOUN NNS nsubj S"],
            {"d1": ("Gunmen", "armed_group", [(0, 1)])},
            ("d1",),
            "unnamed",  # a bare plural description names nobody
            "d1",
        ),
        (
            ["Islamist islamist ADJ JJ amod 1", "gunmen gunman NOUN NNS nsubj S"],
            {"d1": ("Islamist gunmen", "armed_group", [(0, 2)])},
            ("d1",),
            "described",
            "d1",
        ),
        (
            ["The the DET DT det 1", "army army NOUN NN nsubj S"],
            {"d1": ("Army", "state_agency", [(1, 2)])},
            ("d1",),
            "named",  # an institution speaking is a named source
            "d1",
        ),
    ],
    ids=[
        "several-sources",
        "officials",
        "pronoun",
        "police-commanders",
        "media",
        "person",
        "gunmen",
        "islamist-gunmen",
        "the-army",
    ],
)
def test_source_kind(
    extractor: AttributionExtractor,
    subject: list[str],
    spec: ActorSpec,
    described: tuple[str, ...],
    kind: str,
    source: str | None,
) -> None:
    text, rows = _said_that(subject)
    (d,) = claims_of(extractor, text, rows, spec, described=frozenset(described))
    assert (d.claim.source_kind, d.claim.source) == (kind, source)
    assert d.claim.source_text == text[: text.index(" said")]


# ------------------------------------------------------------------------------------------- denials

DENY_TEXT = "The Freedom Brigade denied the claims."
DENY_ROWS = """
0 The     the     DET   DT  det      2 B-ORG
1 Freedom freedom PROPN NNP compound 2 I-ORG
2 Brigade brigade PROPN NNP nsubj    3 I-ORG
3 denied  deny    VERB  VBD ROOT     3
4 the     the     DET   DT  det      5
5 claims  claim   NOUN  NNS dobj     3
6 .       .       PUNCT .   punct    3
"""
BRIGADE = {"a2": ("Freedom Brigade", "armed_group", [(1, 3)])}


def test_denying_the_claims_refers_back(extractor: AttributionExtractor) -> None:
    (d,) = claims_of(extractor, DENY_TEXT, DENY_ROWS, BRIGADE)
    assert d.refers_back is True
    assert (d.claim.stance, d.claim.source, d.claim.cue) == ("deny", "a2", "denied")
    assert span_text(DENY_TEXT, d.claim.content) == "the claims"


def test_denying_a_clause_does_not_refer_back(extractor: AttributionExtractor) -> None:
    text = "The Freedom Brigade denied that it attacked the town."
    rows = """
    0 The      the     DET   DT  det      2 B-ORG
    1 Freedom  freedom PROPN NNP compound 2 I-ORG
    2 Brigade  brigade PROPN NNP nsubj    3 I-ORG
    3 denied   deny    VERB  VBD ROOT     3
    4 that     that    SCONJ IN  mark     6
    5 it       it      PRON  PRP nsubj    6
    6 attacked attack  VERB  VBD ccomp    3
    7 the      the     DET   DT  det      8
    8 town     town    NOUN  NN  dobj     6
    9 .        .       PUNCT .   punct    3
    """
    (d,) = claims_of(extractor, text, rows, BRIGADE)
    assert d.refers_back is False and d.claim.stance == "deny"
    assert span_text(text, d.claim.content) == "that it attacked the town"


def test_denying_a_plain_object_does_not_refer_back(extractor: AttributionExtractor) -> None:
    text = DENY_TEXT.replace("claims", "attack")
    rows = DENY_ROWS.replace("claims  claim ", "attack  attack").replace("NNS dobj", "NN  dobj")
    (d,) = claims_of(extractor, text, rows, BRIGADE)
    assert d.refers_back is False and span_text(text, d.claim.content) == "the attack"


def test_negated_cue_gives_no_claim(extractor: AttributionExtractor) -> None:
    text = "The Justice Front did not say that it attacked the town."
    rows = """
    0  The      the     DET   DT  det      2 B-ORG
    1  Justice  justice PROPN NNP compound 2 I-ORG
    2  Front    front   PROPN NNP nsubj    5 I-ORG
    3  did      do      AUX   VBD aux      5
    4  not      not     PART  RB  neg      5
    5  say      say     VERB  VB  ROOT     5
    6  that     that    SCONJ IN  mark     8
    7  it       it      PRON  PRP nsubj    8
    8  attacked attack  VERB  VBD ccomp    5
    9  the      the     DET   DT  det      10
    10 town     town    NOUN  NN  dobj     8
    11 .        .       PUNCT .   punct    5
    """
    assert claims_of(extractor, text, rows, FRONT) == []


def test_accuse_of_takes_object_and_charge(extractor: AttributionExtractor) -> None:
    text = "The Justice Front accused Iran of helping the rebels."
    rows = """
    0 The      the     DET   DT  det      2 B-ORG
    1 Justice  justice PROPN NNP compound 2 I-ORG
    2 Front    front   PROPN NNP nsubj    3 I-ORG
    3 accused  accuse  VERB  VBD ROOT     3
    4 Iran     iran    PROPN NNP dobj     3 B-GPE
    5 of       of      ADP   IN  prep     3
    6 helping  help    VERB  VBG pcomp    5
    7 the      the     DET   DT  det      8
    8 rebels   rebel   NOUN  NNS dobj     6
    9 .        .       PUNCT .   punct    3
    """
    (d,) = claims_of(extractor, text, rows, FRONT)
    assert span_text(text, d.claim.content) == "Iran of helping the rebels"
    assert d.claim.stance == "assert" and d.claim.cue == "accused"


# ------------------------------------------------------------------------------------------- quotations

QUOTE_TEXT = '"We will hold the district until the end", Jane Doe said on Twitter.'
QUOTE_ROWS = """
0  "        "        PUNCT ``  punct    13
1  We       we       PRON  PRP nsubj    3
2  will     will     AUX   MD  aux      3
3  hold     hold     VERB  VB  ccomp    13
4  the      the      DET   DT  det      5
5  district district NOUN  NN  dobj     3
6  until    until    ADP   IN  prep     3
7  the      the      DET   DT  det      8
8  end      end      NOUN  NN  pobj     6
9  "        "        PUNCT ''  punct    13
10 ,        ,        PUNCT ,   punct    13
11 Jane     jane     PROPN NNP compound 12 B-PERSON
12 Doe      doe      PROPN NNP nsubj    13 I-PERSON
13 said     say      VERB  VBD ROOT     13
14 on       on       ADP   IN  prep     13
15 Twitter  twitter  PROPN NNP pobj     14
16 .        .        PUNCT .   punct    13
"""
DOE = {"p1": ("Jane Doe", "person", [(11, 13)])}


def test_quote_followed_by_its_attribution(extractor: AttributionExtractor) -> None:
    (d,) = claims_of(extractor, QUOTE_TEXT, QUOTE_ROWS, DOE)
    c = d.claim
    assert c.quote == "We will hold the district until the end"
    assert span_text(QUOTE_TEXT, c.content) == c.quote
    assert (c.source, c.source_kind, c.source_text, c.cue) == ("p1", "named", "Jane Doe", "said")
    assert c.channel == "Twitter"
    assert d.content_tokens == (1, 9)
    assert span_text(QUOTE_TEXT, c.span) == QUOTE_TEXT[1 : QUOTE_TEXT.index(" on")]


def test_quote_with_no_cue_continues_the_speaker(extractor: AttributionExtractor) -> None:
    text = '"We will hold the district until the end", Jane Doe said. "We have enough men and weapons."'
    rows = (
        QUOTE_ROWS.split("14 on")[0]
        + """
    14 .        .        PUNCT .   punct    13
    15 "        "        PUNCT ``  punct    17
    16 We       we       PRON  PRP nsubj    17
    17 have     have     VERB  VBP ROOT     17
    18 enough   enough   ADJ   JJ  amod     19
    19 men      man      NOUN  NNS dobj     17
    20 and      and      CCONJ CC  cc       19
    21 weapons  weapon   NOUN  NNS conj     19
    22 .        .        PUNCT .   punct    17
    23 "        "        PUNCT ''  punct    17
    """
    )
    drafts = claims_of(extractor, text, rows, DOE)
    assert [d.claim.quote for d in drafts] == [
        "We will hold the district until the end",
        "We have enough men and weapons.",
    ]
    assert [d.claim.source for d in drafts] == ["p1", "p1"]
    assert drafts[1].claim.cue is None and drafts[0].claim.channel is None
    assert [d.claim.id for d in drafts] == ["xc1", "xc2"]


def test_quoted_claim_called_false_is_a_denial(extractor: AttributionExtractor) -> None:
    text = 'Jane Doe said: "The claim that we attacked the town is false."'
    rows = """
    0  Jane     jane     PROPN NNP compound 1  B-PERSON
    1  Doe      doe      PROPN NNP nsubj    2  I-PERSON
    2  said     say      VERB  VBD ROOT     2
    3  :        :        PUNCT :   punct    2
    4  "        "        PUNCT ``  punct    2
    5  The      the      DET   DT  det      6
    6  claim    claim    NOUN  NN  nsubj    12
    7  that     that     SCONJ IN  mark     9
    8  we       we       PRON  PRP nsubj    9
    9  attacked attack   VERB  VBD acl      6
    10 the      the      DET   DT  det      11
    11 town     town     NOUN  NN  dobj     9
    12 is       be       AUX   VBZ ccomp    2
    13 false    false    ADJ   JJ  acomp    12
    14 .        .        PUNCT .   punct    2
    15 "        "        PUNCT ''  punct    2
    """
    drafts = claims_of(extractor, text, rows, {"p1": ("Jane Doe", "person", [(0, 2)])})
    by_stance = {d.claim.stance: d.claim for d in drafts}
    assert set(by_stance) == {"assert", "deny"}
    assert by_stance["assert"].quote == "The claim that we attacked the town is false."
    deny = by_stance["deny"]
    assert span_text(text, deny.content) == "that we attacked the town"
    assert deny.source == "p1" and deny.cue == "claim ... is false"


# ------------------------------------------------------------------------------------------- hedges


def test_is_said_to_have_is_a_hedged_unnamed_claim(extractor: AttributionExtractor) -> None:
    text = "The commander is said to have fled."
    rows = """
    0 The       the       DET   DT  det       1
    1 commander commander NOUN  NN  nsubjpass 3
    2 is        be        AUX   VBZ auxpass   3
    3 said      say       VERB  VBN ROOT      3
    4 to        to        PART  TO  aux       6
    5 have      have      AUX   VB  aux       6
    6 fled      flee      VERB  VBN xcomp     3
    7 .         .         PUNCT .   punct     3
    """
    (d,) = claims_of(extractor, text, rows)
    c = d.claim
    assert c.hedged is True
    assert (c.source_kind, c.source, c.source_text) == ("unnamed", None, None)
    assert c.cue == "is said to" and span_text(text, c.cue_span) == "said"
    assert span_text(text, c.content) == "The commander is said to have fled"
    assert c.stance == "assert"


def test_hedging_adverb_is_an_unnamed_hedged_claim(extractor: AttributionExtractor) -> None:
    text = "Rebels reportedly attacked the convoy."
    rows = """
    0 Rebels     rebel      NOUN  NNS nsubj  2
    1 reportedly reportedly ADV   RB  advmod 2
    2 attacked   attack     VERB  VBD ROOT   2
    3 the        the        DET   DT  det    4
    4 convoy     convoy     NOUN  NN  dobj   2
    5 .          .          PUNCT .   punct  2
    """
    (d,) = claims_of(extractor, text, rows)
    assert (d.claim.cue, d.claim.hedged, d.claim.source_kind) == ("reportedly", True, "unnamed")
    assert span_text(text, d.claim.content) == "Rebels reportedly attacked the convoy."


# ------------------------------------------------------------------------------------------- according to


def test_according_to(extractor: AttributionExtractor) -> None:
    text = "According to officials, rebels attacked the convoy."
    rows = """
    0 According accord   VERB  VBG prep   5
    1 to        to       ADP   IN  prep   0
    2 officials official NOUN  NNS pobj   1
    3 ,         ,        PUNCT ,   punct  5
    4 rebels    rebel    NOUN  NNS nsubj  5
    5 attacked  attack   VERB  VBD ROOT   5
    6 the       the      DET   DT  det    7
    7 convoy    convoy   NOUN  NN  dobj   5
    8 .         .        PUNCT .   punct  5
    """
    (d,) = claims_of(extractor, text, rows)
    c = d.claim
    assert c.cue == "according to" and span_text(text, c.cue_span) == "According"
    assert (c.source_kind, c.source, c.source_text) == ("unnamed", None, "officials")
    assert span_text(text, c.content) == "rebels attacked the convoy"
    assert d.content_tokens == (4, 8)


def test_according_to_a_named_source(extractor: AttributionExtractor) -> None:
    text = "According to Jane Doe, rebels attacked the convoy."
    rows = """
    0 According accord   VERB  VBG prep     6
    1 to        to       ADP   IN  prep     0
    2 Jane      jane     PROPN NNP compound 3 B-PERSON
    3 Doe       doe      PROPN NNP pobj     1 I-PERSON
    4 ,         ,        PUNCT ,   punct    6
    5 rebels    rebel    NOUN  NNS nsubj    6
    6 attacked  attack   VERB  VBD ROOT     6
    7 the       the      DET   DT  det      8
    8 convoy    convoy   NOUN  NN  dobj     6
    9 .         .        PUNCT .   punct    6
    """
    (d,) = claims_of(extractor, text, rows, {"p1": ("Jane Doe", "person", [(2, 4)])})
    assert (d.claim.source_kind, d.claim.source, d.claim.source_text) == ("named", "p1", "Jane Doe")


# ------------------------------------------------------------------------------------------- the lexicon


def test_cue_lexicon_tables() -> None:
    cues = load_cues()
    assert cues.verbs["say"].stance == "assert" and cues.verbs["deny"].stance == "deny"
    assert cues.nouns["claim"].pos == "noun"
    assert cues.adverbs["reportedly"].strength == "hedge"
    assert "say" in cues.passives


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("say\tverb\tassert\tplain\nclaim\tverb\tmaybe\tweak\n", 2),  # bad stance
        ("# comment\n\nsay\tadjective\tassert\tplain\n", 3),  # bad part of speech
        ("say\tverb\tassert\n", 1),  # three columns
    ],
)
def test_malformed_cue_file_names_the_line(tmp_path, body: str, line: int) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cues.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"cues\.tsv:{line}:"):
        load_cues(path)


def test_missing_cue_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DataFileError, match=r"nope\.tsv"):
        load_cues(tmp_path / "nope.tsv")
