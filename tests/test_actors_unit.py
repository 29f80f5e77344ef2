"""``ActorExtractor`` on hand-built parses: acronyms, name parts, roles, demonyms, channels, coreference."""

from __future__ import annotations

import pytest

from claimledger.actors import ActorExtractor, ActorResult
from claimledger.lexicon import load_channels, load_demonyms
from claimledger.syntax import ParseView
from claimledger.types import Actor

from .docs import parse_rows

COUNTRIES = {"iran": "IR", "afghanistan": "AF", "pakistan": "PK"}


def country_of(name: str) -> str | None:
    return COUNTRIES.get(name.lower())


@pytest.fixture(scope="module")
def extractor() -> ActorExtractor:
    return ActorExtractor(load_demonyms(), load_channels(), country_of)


def extract(extractor: ActorExtractor, text: str, rows: str) -> ActorResult:
    return extractor.extract(ParseView(parse_rows(text, rows)), "x")


def by_name(result: ActorResult, name: str) -> Actor:
    found = [a for a in result.actors if a.name == name]
    assert len(found) == 1, f"{name!r} not once in {[a.name for a in result.actors]}"
    return found[0]


def mention_texts(text: str, actor: Actor) -> list[str]:
    return [m.text(text) for m in actor.mentions]


# ------------------------------------------------------------------------------------------- acronyms

ACR_TEXT = "The National Liberation Army (NLA) attacked the town. The NLA later withdrew."
ACR_ROWS = """
0  The        the        DET   DT    det      3  B-ORG
1  National   national   PROPN NNP   compound 3  I-ORG
2  Liberation liberation PROPN NNP   compound 3  I-ORG
3  Army       army       PROPN NNP   nsubj    7  I-ORG
4  (          (          PUNCT -LRB- punct    3
5  NLA        nla        PROPN NNP   appos    3  B-ORG
6  )          )          PUNCT -RRB- punct    3
7  attacked   attack     VERB  VBD   ROOT     7
8  the        the        DET   DT    det      9
9  town       town       NOUN  NN    dobj     7
10 .          .          PUNCT .     punct    7
11 The        the        DET   DT    det      12
12 NLA        nla        PROPN NNP   nsubj    14 B-ORG
13 later      later      ADV   RB    advmod   14
14 withdrew   withdraw   VERB  VBD   ROOT     14
15 .          .          PUNCT .     punct    14
"""
# the same text where NER tagged only the long name: the bare acronyms are found by the definition
ACR_ROWS_UNTAGGED = ACR_ROWS.replace("appos    3  B-ORG", "appos    3").replace(
    "nsubj    14 B-ORG", "nsubj 14"
)
# the name is not an entity at all: the capitalised run before the bracket is the name
ACR_MID_TEXT = "Fighters of the National Liberation Army (NLA) attacked the town. NLA units later withdrew."
ACR_MID_ROWS = """
0  Fighters   fighter    NOUN  NNS   nsubj    9
1  of         of         ADP   IN    prep     0
2  the        the        DET   DT    det      5
3  National   national   PROPN NNP   compound 5
4  Liberation liberation PROPN NNP   compound 5
5  Army       army       PROPN NNP   pobj     1
6  (          (          PUNCT -LRB- punct    5
7  NLA        nla        PROPN NNP   appos    5
8  )          )          PUNCT -RRB- punct    5
9  attacked   attack     VERB  VBD   ROOT     9
10 the        the        DET   DT    det      11
11 town       town       NOUN  NN    dobj     9
12 .          .          PUNCT .     punct    9
13 NLA        nla        PROPN NNP   compound 14
14 units      unit       NOUN  NNS   nsubj    16
15 later      later      ADV   RB    advmod   16
16 withdrew   withdraw   VERB  VBD   ROOT     16
17 .          .          PUNCT .     punct    16
"""


@pytest.mark.parametrize(
    ("text", "rows"),
    [(ACR_TEXT, ACR_ROWS), (ACR_TEXT, ACR_ROWS_UNTAGGED), (ACR_MID_TEXT, ACR_MID_ROWS)],
    ids=["all-tagged", "acronym-untagged", "no-entities"],
)
def test_acronym_definition_makes_one_actor(extractor: ActorExtractor, text: str, rows: str) -> None:
    result = extract(extractor, text, rows)
    nla = by_name(result, "National Liberation Army")
    assert nla.aliases == ("NLA",)
    assert nla.kind == "armed_group"  # "Army", "Liberation"
    assert mention_texts(text, nla) == ["National Liberation Army", "NLA", "NLA"]
    assert not [a for a in result.actors if a.name == "NLA"]
    later = text.rindex("NLA")
    assert result.token_actor[ParseView(parse_rows(text, rows)).token_at_char(later) or 0] == nla.id


def test_acronym_definition_at_sentence_start_without_entities(extractor: ActorExtractor) -> None:
    rows = ACR_ROWS.replace("B-ORG", "").replace("I-ORG", "")
    result = extract(extractor, ACR_TEXT, rows)
    nla = by_name(result, "National Liberation Army")
    assert nla.aliases == ("NLA",)


# ------------------------------------------------------------------------------------------- name parts

SURNAME_TEXT = "Commander Karim Haddad led the assault. Haddad said the town had fallen."
SURNAME_ROWS = """
0  Commander commander PROPN NNP compound 2
1  Karim     karim     PROPN NNP compound 2  B-PERSON
2  Haddad    haddad    PROPN NNP nsubj    3  I-PERSON
3  led       lead      VERB  VBD ROOT     3
4  the       the       DET   DT  det      5
5  assault   assault   NOUN  NN  dobj     3
6  .         .         PUNCT .   punct    3
7  Haddad    haddad    PROPN NNP nsubj    8  B-PERSON
8  said      say       VERB  VBD ROOT     8
9  the       the       DET   DT  det      10
10 town      town      NOUN  NN  nsubj    12
11 had       have      AUX   VBD aux      12
12 fallen    fall      VERB  VBN ccomp    8
13 .         .         PUNCT .   punct    8
"""
TWO_TEXT = "Karim Haddad and Leila Haddad arrived. Haddad spoke."
TWO_ROWS = """
0 Karim   karim   PROPN NNP compound 1 B-PERSON
1 Haddad  haddad  PROPN NNP nsubj    5 I-PERSON
2 and     and     CCONJ CC  cc       1
3 Leila   leila   PROPN NNP compound 4 B-PERSON
4 Haddad  haddad  PROPN NNP conj     1 I-PERSON
5 arrived arrive  VERB  VBD ROOT     5
6 .       .       PUNCT .   punct    5
7 Haddad  haddad  PROPN NNP nsubj    8 B-PERSON
8 spoke   speak   VERB  VBD ROOT     8
9 .       .       PUNCT .   punct    8
"""


def test_surname_joins_the_full_name(extractor: ActorExtractor) -> None:
    result = extract(extractor, SURNAME_TEXT, SURNAME_ROWS)
    assert [a.name for a in result.actors] == ["Karim Haddad"]
    haddad = result.actors[0]
    assert haddad.kind == "person" and haddad.aliases == ("Haddad",)
    assert mention_texts(SURNAME_TEXT, haddad) == ["Karim Haddad", "Haddad"]
    assert haddad.mentions[1].start == SURNAME_TEXT.index("Haddad said")
    assert result.resolve(7) == haddad.id


def test_shared_surname_goes_to_the_person_introduced_first(extractor: ActorExtractor) -> None:
    result = extract(extractor, TWO_TEXT, TWO_ROWS)
    assert [a.name for a in result.actors] == ["Karim Haddad", "Leila Haddad"]
    karim, leila = result.actors
    assert result.resolve(7) == karim.id
    assert len(karim.mentions) == 2 and len(leila.mentions) == 1


# ------------------------------------------------------------------------------------------- roles

ROLE_TEXT = "Justice Front spokesperson Jane Doe said the group had withdrawn."
ROLE_ROWS = """
0  Justice      justice      PROPN NNP compound 1  B-ORG
1  Front        front        PROPN NNP compound 2  I-ORG
2  spokesperson spokesperson NOUN  NN  compound 4
3  Jane         jane         PROPN NNP compound 4  B-PERSON
4  Doe          doe          PROPN NNP nsubj    5  I-PERSON
5  said         say          VERB  VBD ROOT     5
6  the          the          DET   DT  det      7
7  group        group        NOUN  NN  nsubj    9
8  had          have         AUX   VBD aux      9
9  withdrawn    withdraw     VERB  VBN ccomp    5
10 .            .            PUNCT .   punct    5
"""
POSS_TEXT = "The Justice Front's leader Jane Doe said the group had withdrawn."
POSS_ROWS = """
0  The       the      DET   DT  det      2  B-ORG
1  Justice   justice  PROPN NNP compound 2  I-ORG
2  Front     front    PROPN NNP poss     4  I-ORG
3  's        's       PART  POS case     2  I-ORG
4  leader    leader   NOUN  NN  compound 6
5  Jane      jane     PROPN NNP compound 6  B-PERSON
6  Doe       doe      PROPN NNP nsubj    7  I-PERSON
7  said      say      VERB  VBD ROOT     7
8  the       the      DET   DT  det      9
9  group     group    NOUN  NN  nsubj    11
10 had       have     AUX   VBD aux      11
11 withdrawn withdraw VERB  VBN ccomp    7
12 .         .        PUNCT .   punct    7
"""
APPOS_TEXT = "Jane Doe, the chief of the Justice Front, said it had withdrawn."
APPOS_ROWS = """
0  Jane      jane     PROPN NNP compound 1  B-PERSON
1  Doe       doe      PROPN NNP nsubj    10 I-PERSON
2  ,         ,        PUNCT ,   punct    1
3  the       the      DET   DT  det      4
4  chief     chief    NOUN  NN  appos    1
5  of        of       ADP   IN  prep     4
6  the       the      DET   DT  det      8  B-ORG
7  Justice   justice  PROPN NNP compound 8  I-ORG
8  Front     front    PROPN NNP pobj     5  I-ORG
9  ,         ,        PUNCT ,   punct    1
10 said      say      VERB  VBD ROOT     10
11 it        it       PRON  PRP nsubj    13
12 had       have     AUX   VBD aux      13
13 withdrawn withdraw VERB  VBN ccomp    10
14 .         .        PUNCT .   punct    10
"""


@pytest.mark.parametrize(
    ("text", "rows", "role"),
    [
        (ROLE_TEXT, ROLE_ROWS, "spokesperson"),  # "X spokesperson Jane Doe"
        (POSS_TEXT, POSS_ROWS, "leader"),  # "X's leader Jane Doe"
        (APPOS_TEXT, APPOS_ROWS, "chief"),  # "Jane Doe, the chief of X"
    ],
    ids=["compound", "possessive", "apposition"],
)
def test_role_and_affiliation(extractor: ActorExtractor, text: str, rows: str, role: str) -> None:
    result = extract(extractor, text, rows)
    doe = by_name(result, "Jane Doe")
    front = by_name(result, "Justice Front")
    assert doe.kind == "person"
    assert doe.role == role
    assert doe.affiliation == front.id
    assert front.kind == "armed_group" and front.affiliation is None and front.role is None


def test_name_after_a_role_word_tagged_org_is_a_person(extractor: ActorExtractor) -> None:
    rows = ROLE_ROWS.replace("B-PERSON", "B-ORG").replace("I-PERSON", "I-ORG")
    result = extract(extractor, ROLE_TEXT, rows)
    assert by_name(result, "Jane Doe").kind == "person"


# ------------------------------------------------------------------------------------------- demonyms

DEMONYM_TEXT = "Iranian drones struck the base."
DEMONYM_ROWS = """
0 Iranian iranian ADJ   JJ  amod  1 B-NORP
1 drones  drone   NOUN  NNS nsubj 2
2 struck  strike  VERB  VBD ROOT  2
3 the     the     DET   DT  det   4
4 base    base    NOUN  NN  dobj  2
5 .       .       PUNCT .   punct 2
"""


def test_demonym_is_a_state_actor(extractor: ActorExtractor) -> None:
    result = extract(extractor, DEMONYM_TEXT, DEMONYM_ROWS)
    assert len(result.actors) == 1
    iran = result.actors[0]
    assert (iran.name, iran.kind, iran.country) == ("Iran", "state", "IR")
    assert mention_texts(DEMONYM_TEXT, iran) == ["Iranian"]
    assert result.resolve(0) == iran.id and result.resolve(1) is None


def test_country_name_entity_is_a_state_actor(extractor: ActorExtractor) -> None:
    text = "Iran's forces struck the base."
    rows = """
    0 Iran   iran   PROPN NNP poss  2 B-GPE
    1 's     's     PART  POS case  0 I-GPE
    2 forces force  NOUN  NNS nsubj 3
    3 struck strike VERB  VBD ROOT  3
    4 the    the    DET   DT  det   5
    5 base   base   NOUN  NN  dobj  3
    6 .      .      PUNCT .   punct 3
    """
    result = extract(extractor, text, rows)
    iran = by_name(result, "Iran")
    assert (iran.kind, iran.country) == ("state", "IR")
    assert mention_texts(text, iran) == ["Iran"]


def test_demonym_in_lower_case_or_unknown_is_not_an_actor(extractor: ActorExtractor) -> None:
    text = "Martian drones struck the base."
    result = extract(extractor, text, DEMONYM_ROWS.replace("Iranian iranian", "Martian martian"))
    assert result.actors == ()


# ------------------------------------------------------------------------------------------- channels

CHANNEL_TEXT = "The commander said on Twitter that the town had fallen."
CHANNEL_ROWS = """
0  The       the       DET   DT  det   1
1  commander commander NOUN  NN  nsubj 2
2  said      say       VERB  VBD ROOT  2
3  on        on        ADP   IN  prep  2
4  Twitter   twitter   PROPN NNP pobj  3  B-ORG
5  that      that      SCONJ IN  mark  9
6  the       the       DET   DT  det   7
7  town      town      NOUN  NN  nsubj 9
8  had       have      AUX   VBD aux   9
9  fallen    fall      VERB  VBN ccomp 2
10 .         .         PUNCT .   punct 2
"""


@pytest.mark.parametrize(
    ("prep", "label"), [("on", "ORG"), ("on", "PERSON"), ("via", "ORG")], ids=["on-org", "on-person", "via"]
)
def test_channel_after_on_or_via_is_not_an_actor(extractor: ActorExtractor, prep: str, label: str) -> None:
    text = CHANNEL_TEXT.replace(" on ", f" {prep} ")
    rows = CHANNEL_ROWS.replace("on        on ", f"{prep:<9} {prep:<3}").replace("B-ORG", f"B-{label}")
    result = extract(extractor, text, rows)
    twitter = text.index("Twitter")
    assert result.resolve(4) is None
    assert not [a.name for a in result.actors if any(m.start <= twitter < m.end for m in a.mentions)]


def test_channel_name_as_a_subject_is_an_actor(extractor: ActorExtractor) -> None:
    text = "Twitter said the account was suspended."
    rows = """
    0 Twitter   twitter  PROPN NNP nsubj     1 B-ORG
    1 said      say      VERB  VBD ROOT      1
    2 the       the      DET   DT  det       3
    3 account   account  NOUN  NN  nsubjpass 5
    4 was       be       AUX   VBD auxpass   5
    5 suspended suspend  VERB  VBN ccomp     1
    6 .         .        PUNCT .   punct     1
    """
    result = extract(extractor, text, rows)
    assert [(a.name, a.kind) for a in result.actors] == [("Twitter", "organization")]


# ------------------------------------------------------------------------------------------- coreference

GROUP_TEXT = "The Justice Front attacked the town. The group later withdrew."
GROUP_ROWS = """
0  The      the      DET   DT  det      2  B-ORG
1  Justice  justice  PROPN NNP compound 2  I-ORG
2  Front    front    PROPN NNP nsubj    3  I-ORG
3  attacked attack   VERB  VBD ROOT     3
4  the      the      DET   DT  det      5
5  town     town     NOUN  NN  dobj     3
6  .        .        PUNCT .   punct    3
7  The      the      DET   DT  det      8
8  group    group    NOUN  NN  nsubj    10
9  later    later    ADV   RB  advmod   10
10 withdrew withdraw VERB  VBD ROOT     10
11 .        .        PUNCT .   punct    10
"""


def test_the_group_resolves_to_the_previous_organisation(extractor: ActorExtractor) -> None:
    result = extract(extractor, GROUP_TEXT, GROUP_ROWS)
    assert [a.name for a in result.actors] == ["Justice Front"]
    front = result.actors[0]
    assert mention_texts(GROUP_TEXT, front) == ["Justice Front", "The group"]
    assert result.resolve(8) == front.id and result.resolve(7) == front.id
    assert result.token_actor[8] == front.id


def test_a_group_noun_without_a_determiner_does_not_corefer(extractor: ActorExtractor) -> None:
    text = GROUP_TEXT.replace("The group", "A group")
    rows = GROUP_ROWS.replace("7  The      the ", "7  A        a   ")
    result = extract(extractor, text, rows)
    assert result.resolve(8) is None
    assert mention_texts(text, result.actors[0]) == ["Justice Front"]


def test_person_pronoun_resolves_to_the_previous_person(extractor: ActorExtractor) -> None:
    text = "Karim Haddad arrived. He spoke."
    rows = """
    0 Karim   karim   PROPN NNP compound 1 B-PERSON
    1 Haddad  haddad  PROPN NNP nsubj    2 I-PERSON
    2 arrived arrive  VERB  VBD ROOT     2
    3 .       .       PUNCT .   punct    2
    4 He      he      PRON  PRP nsubj    5
    5 spoke   speak   VERB  VBD ROOT     5
    6 .       .       PUNCT .   punct    5
    """
    result = extract(extractor, text, rows)
    haddad = by_name(result, "Karim Haddad")
    assert result.resolve(4) == haddad.id
    assert mention_texts(text, haddad) == ["Karim Haddad", "He"]


# ------------------------------------------------------------------------------------------- descriptions


@pytest.mark.parametrize(
    ("word", "kind"), [("Gunmen", "armed_group"), ("Soldiers", "state_agency"), ("Villagers", "civilians")]
)
def test_unnamed_participants_become_described_actors(
    extractor: ActorExtractor, word: str, kind: str
) -> None:
    text = f"{word} attacked the village."
    rows = f"""
    0 {word} {word.lower()} NOUN NNS nsubj 1
    1 attacked attack  VERB  VBD ROOT  1
    2 the      the     DET   DT  det   3
    3 village  village NOUN  NN  dobj  1
    4 .        .       PUNCT .   punct 1
    """
    result = extract(extractor, text, rows)
    assert [(a.name, a.kind, a.component) for a in result.actors] == [(word, kind, "actors.described")]
    assert result.resolve(0) == result.actors[0].id


def test_ids_follow_first_mention_with_the_prefix(extractor: ActorExtractor) -> None:
    result = extract(extractor, APPOS_TEXT, APPOS_ROWS)
    assert [(a.id, a.name) for a in result.actors] == [("xa1", "Jane Doe"), ("xa2", "Justice Front")]
    assert all(a.component == "actors" for a in result.actors)
