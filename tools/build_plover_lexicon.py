"""Build `src/claimledger/data/plover_verbs.tsv` from PETRARCH2's CAMEO verb dictionary and CAMEO2PLOVER.

Inputs (the CAMEO2PLOVER table is not copied into the repository; a reduced transcription of the MIT-licensed
PETRARCH2 dictionary, the lines this tool reads, is kept in `tools/data/CAMEO.2.0.lines.txt`):

- the CAMEO verb pattern dictionary of PETRARCH2, `petrarch2/data/dictionaries/CAMEO.2.0.txt` in
  github.com/openeventdata/petrarch2 (commit 486cb96, "LAST UPDATE: 30 April 2015"; MIT, (c) 2015 Open Event
  Data Alliance); a copy reduced to the lines this tool reads parses the same;
- OEDA's CAMEO → PLOVER conversion table, `CAMEO2PLOVER-2021.txt` (PLOVER manual draft 0.8, 17 September
  2021; github.com/openeventdata/PLOVER, CC BY-SA 4.0).

What is kept (the rules are general; nothing here looks at an evaluation set):

- verb blocks (`--- NAME [code] ---`): each member verb gets the block's code, or its own `[code]`; the
  members of a block without a code (`[---]`) get no default sense, as in PETRARCH. `GENERAL_VERBS` (light,
  motion, perception, cognition, possession, quantity and reporting verbs, which the dictionary lists as
  WordNet synonyms of specific verbs) never get a default sense: they code only through a pattern;
- patterns that start at the verb (`- * ...`) and have the shapes `[PARTICLE] [OBJECT] [(PREP [NOUN])]`: a
  particle (`up`, `off`, ...), an object noun phrase (`AID`, `{HUMANITARIAN AID}`, `&WEAPON`) and one
  prepositional phrase (`(FOR HELP)`, `(AGAINST)`). Synonym sets (`&NAME`) are expanded into their one-word
  members. Patterns naming a subject, or using `$ + ^ %` (actor and clause slots), are left out;
- codes are read on the source side (`[042:043]` → 042; target-side codes `[:073]` are left out) and mapped
  through CAMEO2PLOVER (exact code, else its first three digits). Codes with no PLOVER type (01x statements,
  02x appeals, `---`) are kept with an empty type: such a pattern blocks the verb's default ("issued a
  statement" is no COOPERATE event).

Output columns: `lemma pattern cameo plover mode block` (the loader derives the ACLED types). A row with a
lemma and no pattern is a member verb (its default sense, or none); a row with a pattern and no lemma
applies to every member of its block; a row with both is a phrasal member (`+CALL_OFF` → `call`, `prt=off`),
and in a block of phrasal verbs only, with the block's patterns (`iron`, `prt=out obj=dispute`).
Pattern syntax: space-separated `prt=WORD`, `obj=W1_W2_HEAD` (modifiers then head), `prep=PREP` or
`prep=PREP:W1_HEAD`. Reproduce with:

    .venv/bin/python tools/build_plover_lexicon.py --dictionary PATH/CAMEO.2.0.txt \\
        --cameo2plover ../shared/eval/plover_gsr/CAMEO2PLOVER-2021.txt \\
        --out src/claimledger/data/plover_verbs.tsv
"""

from __future__ import annotations

import argparse
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PARTICLES = frozenset("up down off out back away aside forward together around".split())
PREPOSITIONS = frozenset(
    (
        "in on over through into at against across for with between from to toward towards upon under "
        "behind before after during by of near about amid outside inside onto within without along"
    ).split()
)
# verbs too general to be an event by themselves: light and support verbs, motion, perception, cognition,
# possession, quantity change, relation and reporting verbs (the CAMEO dictionary lists many as WordNet
# synonyms of specific verbs: GIVE under GRANT, LEAD under OVERSEE, GO under GO_SOMEWHERE, ...)
GENERAL_VERBS = frozenset(
    (
        # light, support and aspect verbs
        "be have do make take give get put set keep hold bring run turn show use carry fill serve render "
        "stock tender tend issue provide add accord pass clear enable verify conduct handle manage direct "
        "command lead head rule control govern steer administer regulate dictate prescribe enjoin "
        "continue start begin finish complete end stop remain stay "
        # motion and contact
        "go come leave depart travel tour touring journey embark egress arrive approach move shift act "
        "budge displace propel drive drag lug pull pluck extract wrest catch grab snatch nab pour stream "
        "swarm decant jump hop leap skip spring bound crawl creep slide cross climb ride mount surge heave "
        "billow fly pilot return revert reach enter face meet contact encounter confront brave interact "
        "gather join unite assemble amass cluster flock huddle converge congregate conjoin constellate "
        "conglomerate send carry transport transfer shuttle ship drop dip dive plunge plummet immerse "
        "parachute "
        # perception and cognition
        "see saw view watch witness note notice observe hear learn know understand understood think "
        "consider contemplate reason weigh mull muse ponder ruminate speculate meditate excogitate "
        "reconsider deliberate believe trust expect anticipate await envisage foresee predict seem look "
        "appear find discover detect locate uncover decide determine choose pick select opt cull vote "
        "mean intend plan want need wish hope desire seek search hunt chase track aim "
        # possession, exchange and relation
        "acquire attain earn gain win obtain procure receive lose losing lost mislay misplace link "
        "connect relate attach bind chain blend combine merge fuse coalesce conflate unify associate "
        "concert conform correlate integrate harmonise harmonize synchronise synchronize orchestrate "
        "coordinate organise organize unionise unionize affect impact influence persuade tempt "
        "benefit assign allot apportion task endow entrust bequeath "
        # quantity and state change
        "increase expand enlarge deepen heighten boost raise reduce improve ease better abate ameliorate "
        "mitigate simplify compound amplify exaggerate magnify augment redouble intensify escalate "
        "develop grow swell thrive flourish bloom blossom burgeon cultivate foster proliferate "
        "create build form produce shape construct design devise generate invent engineer erect "
        "fashion forge mold conceive concoct formulate gymble change alter amend modify revise switch "
        "contain enclose restrict withhold moderate curb restrain constrain remove "
        "mine dig comb rake scan skim sweep unearth check explore study research analyse examine audit "
        "ascertain plague torment upset vex irritate annoy bother rag harry agitate hassle irk pester "
        "discomfit disconcert disquiet distress frustrate agonise agonize badger disturb risk "
        "gamble cry weep wail whine grieve humble degrade debase defile prize value esteem treasure "
        "inspire cheer enliven invigorate rouse revitalize embolden reassure spur galvanize "
        "prepare ready groom train ensure assure certify guarantee vouch volunteer subscribe signal "
        "strive endeavor endeavour indicate point represent introduce insert innovate acquaint "
        "notify apprise promulgate call fine tax bill inflict levy press push bid campaign "
        # reporting and attitude verbs (claims are coded by the attribution stage)
        "say tell state announce declare explain describe report express comment mention remark "
        "refer inform articulate assert cite clarify communicate convey define depict detail "
        "elucidate explicate expound impart narrate rationalize argue contend counter contrast differ "
        "compete contradict counterbalance contravene claim aver avow swear suspect doubt distrust "
        "oppugn admit confess confide disclose divulge expose profess reveal unveil acknowledge "
        "debate quote reiterate restate retell repeat echo copy imitate mimic "
        "regret despair curse blaspheme lament mourn dismay disappoint discourage dishearten sadden "
        # other everyday senses that outnumber the political one in news text
        "inhabit reside infest provoke arouse enkindle harass garner table remit constitute institute "
        "enhance pay promote advertise advertize triumph exult exuberate prefer deal retire tease undo "
        "untie settle resettle bow compensate disorder disarray lecture die"
    ).split()
)
PATTERN_SKIP = re.compile(r"[$+^%]")
TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+")
WORD = re.compile(r"^[a-z][a-z'-]*$")
BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")
MAPPING_LINE = re.compile(r"^(\d{2,4})\s*:\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


@dataclass(frozen=True, slots=True)
class PloverCode:
    plover: str
    mode: str


@dataclass(slots=True)
class Block:
    name: str
    code: str | None  # source-side code; "---" for none; None for a target-side header
    members: list[tuple[str, str | None]] = field(default_factory=list)  # (word or +PHRASE, own code)
    patterns: list[tuple[str, str]] = field(default_factory=list)  # (pattern text, code)


@dataclass(frozen=True, slots=True)
class Row:
    lemma: str
    pattern: str
    cameo: str
    plover: str
    mode: str
    block: str


# --------------------------------------------------------------------------- reading


def source_code(raw: str) -> str | None:
    """`042:043` → `042`; `---` → `---`; target-side `:073` → None; `080!` → `080`."""
    side = raw.split(":", 1)[0].strip()
    if not side:
        return None if ":" in raw else "---"
    if side.startswith("---"):
        return "---"
    digits = re.sub(r"\D", "", side)
    return digits or None


def _strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def parse_dictionary(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """Synonym sets (name → one-word members) and verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    in_verbs = False
    for raw in text.splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                current_set = line.strip()[1:].upper()
                synsets[current_set] = []
            elif line.startswith("+") and current_set is not None:
                word = line[1:].strip().rstrip("_").lower()
                if WORD.match(word):
                    synsets[current_set].append(word)
            continue
        header = BLOCK_HEADER.match(line)
        if header:
            blocks.append(Block(header.group(1), source_code(header.group(2))))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        if line.startswith("-"):
            codes = CODE.findall(line)
            if codes:
                body = line[1 : line.rfind("[")].strip()
                code = source_code(codes[-1])
                if code is not None:
                    block.patterns.append((body, code))
            continue
        codes = CODE.findall(line)
        head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
        if head:
            own = source_code(codes[-1]) if codes else None
            block.members.append((head[0], own if codes else None))
    return synsets, blocks


def parse_cameo2plover(text: str) -> dict[str, PloverCode]:
    """CAMEO code → PLOVER type and mode; two-digit roots only where the root has one type."""
    table: dict[str, PloverCode] = {}
    roots: dict[str, set[str]] = {}
    for raw in text.splitlines():
        m = MAPPING_LINE.match(raw.strip())
        if m is None:
            continue
        code, plover = m.group(1), m.group(2)
        if len(code) == 2:
            roots.setdefault(code, set()).add(plover)
            continue
        mode = (m.group(3) or "").strip().lower()
        table.setdefault(code, PloverCode(plover, mode))
    for root, types in roots.items():
        if len(types) == 1:
            table.setdefault(root, PloverCode(next(iter(types)), ""))
    return table


def plover_of(code: str, table: dict[str, PloverCode]) -> PloverCode | None:
    if code == "---":
        return None
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


# --------------------------------------------------------------------------- patterns


def _phrase(token: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """A noun phrase token (`AID`, `{HUMANITARIAN AID}`, `&WEAPON`) → its spellings (`humanitarian_aid`)."""
    words = token[1:-1].split() if token.startswith("{") else [token]
    options: list[list[str]] = []
    for w in words:
        if w.startswith("&"):
            members = synsets.get(w[1:].upper())
            if not members:
                return None
            options.append(members)
        else:
            word = w.lower().rstrip("_")
            if not WORD.match(word):
                return None
            options.append([word])
    if not options:
        return None
    return ["_".join(combo) for combo in itertools.product(*options)]


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> list[str] | None:
    """`* OFF (FOR)` → encoded alternatives (`prt=off prep=for`), or None for a shape this tool skips."""
    if not body.startswith("*") or PATTERN_SKIP.search(body):
        return None
    tokens = TOKEN.findall(body[1:])
    if not tokens:
        return None
    prt: str | None = None
    objs: list[str] | None = None
    preps: list[str] | None = None
    k = 0
    while k < len(tokens):
        tok = tokens[k]
        if "_" in tok and not tok.startswith("&"):
            return None
        if tok.startswith("("):
            inner = TOKEN.findall(tok[1:-1])
            if preps is not None or not inner or inner[0].lower() not in PREPOSITIONS or len(inner) > 2:
                return None
            preps = _prep(inner[0].lower(), inner[1] if len(inner) == 2 else None, synsets)
            if preps is None:
                return None
        elif tok.lower() in PARTICLES and prt is None and objs is None and preps is None:
            prt = tok.lower()
        elif tok.lower() in PREPOSITIONS and preps is None:
            nxt = tokens[k + 1] if k + 1 < len(tokens) and not tokens[k + 1].startswith("(") else None
            preps = _prep(tok.lower(), nxt, synsets)
            if preps is None:
                return None
            k += 1 if nxt is not None else 0
        elif objs is None and preps is None:
            objs = _phrase(tok, synsets)
            if objs is None:
                return None
        else:
            return None
        k += 1
    parts: list[list[str]] = []
    if prt is not None:
        parts.append([f"prt={prt}"])
    if objs is not None:
        parts.append([f"obj={o}" for o in objs])
    if preps is not None:
        parts.append([f"prep={p}" for p in preps])
    return [" ".join(combo) for combo in itertools.product(*parts)]


def _prep(prep: str, noun: str | None, synsets: dict[str, list[str]]) -> list[str] | None:
    if noun is None:
        return [prep]
    nouns = _phrase(noun, synsets)
    return None if nouns is None else [f"{prep}:{n}" for n in nouns]


# --------------------------------------------------------------------------- building


def block_default(block: Block) -> str | None:
    """The code a member without its own code gets: the block's (none for `[---]` or a target-side code)."""
    return None if block.code in (None, "---") else block.code


def _row(lemma: str, pattern: str, code: str | None, table: dict[str, PloverCode], block: str) -> Row:
    mapped = plover_of(code, table) if code else None
    plover, mode = (mapped.plover, mapped.mode) if mapped else ("", "")
    return Row(lemma, pattern, code or "", plover, mode, block)


def build_rows(
    synsets: dict[str, list[str]], blocks: Sequence[Block], table: dict[str, PloverCode]
) -> list[Row]:
    rows: list[Row] = []
    for block in blocks:
        default = block_default(block)
        # a block of phrasal verbs only ("+IRON_OUT"): its patterns are theirs, with the particle
        only_phrasal = all(word.startswith("+") for word, _ in block.members)
        for word, own in block.members:
            phrasal = word.startswith("+")
            parts = word.lstrip("+").lower().split("_")
            if not all(WORD.match(p) for p in parts):
                continue
            code = own if own is not None else default
            if phrasal:
                pattern = _phrasal_pattern(parts)
                if pattern is not None:
                    rows.append(_row(parts[0], pattern, code, table, block.name))
                if pattern is not None and pattern.startswith("prt=") and only_phrasal:
                    rows.extend(_phrasal_rows(parts[0], pattern, block, table, synsets))
                continue
            lemma = parts[0]
            if lemma in GENERAL_VERBS:
                code = None
            rows.append(_row(lemma, "", code, table, block.name))
        rows.extend(_pattern_rows(block, table, synsets))
    return rows


def _phrasal_pattern(parts: Sequence[str]) -> str | None:
    if len(parts) != 2:
        return None
    tail = parts[1]
    if tail in PARTICLES:
        return f"prt={tail}"
    if tail in PREPOSITIONS:
        return f"prep={tail}"
    return f"obj={tail}"


def _pattern_codes(block: Block, synsets: dict[str, list[str]]) -> dict[str, str]:
    """Encoded pattern → code; where the dictionary gives a pattern several codes, the most frequent."""
    codes: dict[str, Counter[str]] = {}
    for body, code in block.patterns:
        for encoded in parse_pattern(body, synsets) or ():
            codes.setdefault(encoded, Counter())[code] += 1
    return {encoded: counter.most_common(1)[0][0] for encoded, counter in codes.items()}


def _pattern_rows(block: Block, table: dict[str, PloverCode], synsets: dict[str, list[str]]) -> Iterable[Row]:
    for encoded, code in _pattern_codes(block, synsets).items():
        yield _row("", encoded, code, table, block.name)


def _phrasal_rows(
    lemma: str, particle: str, block: Block, table: dict[str, PloverCode], synsets: dict[str, list[str]]
) -> Iterable[Row]:
    """A phrasal member's uses of its block's patterns ("+IRON_OUT" with "&DISPUTE": "ironed out a
    dispute"): the pattern with the particle, for that verb only."""
    for encoded, code in _pattern_codes(block, synsets).items():
        if not encoded.startswith("prt="):
            yield _row(lemma, f"{particle} {encoded}", code, table, block.name)


HEADER = (
    "# lemma\tpattern\tcameo\tplover\tmode\tblock\n"
    "# Verb senses and verb patterns from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, openeventdata/\n"
    "# petrarch2, MIT, (c) 2015 Open Event Data Alliance) mapped to PLOVER types and modes through\n"
    "# OEDA's CAMEO2PLOVER-2021 (PLOVER manual draft 0.8, CC BY-SA 4.0). Generated by\n"
    "# tools/build_plover_lexicon.py; do not edit by hand. See src/claimledger/data/README.md.\n"
)


def write_rows(rows: Iterable[Row], out: Path) -> int:
    lines = ["\t".join((r.lemma, r.pattern, r.cameo, r.plover, r.mode, r.block)) for r in rows]
    out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dictionary", type=Path, required=True, help="a copy of PETRARCH2's CAMEO.2.0.txt")
    ap.add_argument("--cameo2plover", type=Path, required=True, help="OEDA's CAMEO2PLOVER-2021.txt")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    synsets, blocks = parse_dictionary(args.dictionary.read_text(encoding="utf-8", errors="replace"))
    table = parse_cameo2plover(args.cameo2plover.read_text(encoding="utf-8"))
    rows = build_rows(synsets, blocks, table)
    n = write_rows(rows, args.out)
    defaults = sum(1 for r in rows if r.lemma and not r.pattern and r.plover)
    print(f"{len(blocks)} blocks, {n} rows ({defaults} verbs with a default sense) -> {args.out}")


if __name__ == "__main__":
    main()
