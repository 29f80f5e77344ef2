"""Features of a passage for the event sub-type model (``claimledger.coding.classifier``).

A passage is a sentence with its neighbours in the same paragraph (the context a reader uses to tell an air
strike from shelling). Its features are strings, the same at training and at run time:

- ``w=LEMMA``: content lemmas (lower case, letters, no stop words) of the passage;
- ``kw=LABEL``: the passage mentions a keyword of a class (``data/event_keywords.tsv``: "tear gas" →
  FORCE_AGAINST_PROTEST, "landslide" → NATURAL_DISASTER), and ``kw2=A|B`` for two such classes together (a
  protest and an arrest: a protest with intervention);
- ``rule=LABEL``, ``ev=TYPE``, ``sub=SUB_TYPE``, ``trig=LEMMA`` and role features: what the rule-based coder
  made of the passage (its main event first), so the model learns where the rules are reliable;
- ``cue=LEMMA`` / ``deny``: attributions in the passage ("claimed responsibility", "denied").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimledger.errors import DataFileError
from claimledger.types import Token

STOP_WORDS = frozenset(
    (
        "the a an of to in and or for on at by with from as be is was were been are am that this these those "
        "it its their his her they he she them him we us our you your i my me which who whom whose what when "
        "where "
        "have has had do does did will would shall should can could may might must also not no nor but than "
        "then there here into over under about after before during while since until so such very more most "
        "other some any all each both one two three said say says tell according -pron-"
    ).split()
)


# the value of a ``kw=`` feature: class keywords are few and telling, so they are penalised less than words
KEYWORD_VALUE = 2.0


@dataclass(frozen=True, slots=True)
class KeywordLexicon:
    """Lemma sequences → the classes they point to; ``longest`` is the longest sequence, in words."""

    phrases: dict[tuple[str, ...], tuple[str, ...]]
    longest: int

    def labels_in(self, lemmas: Sequence[str]) -> set[str]:
        """The classes whose keywords occur in ``lemmas`` (lower-case lemmas of consecutive tokens)."""
        found: set[str] = set()
        for i in range(len(lemmas)):
            for n in range(1, self.longest + 1):
                if i + n > len(lemmas):
                    break
                labels = self.phrases.get(tuple(lemmas[i : i + n]))
                if labels:
                    found.update(labels)
        return found

    def to_rows(self) -> list[list[str]]:
        """``[label, phrase]`` rows, sorted (as stored in a model file)."""
        return sorted([label, " ".join(p)] for p, labels in self.phrases.items() for label in labels)


def keyword_lexicon(rows: Iterable[tuple[str, str]]) -> KeywordLexicon:
    """A lexicon from ``(label, phrase)`` pairs; a phrase is space-separated lower-case lemmas."""
    table: dict[tuple[str, ...], set[str]] = {}
    for label, phrase in rows:
        key = tuple(phrase.lower().split())
        if key:
            table.setdefault(key, set()).add(label)
    phrases = {k: tuple(sorted(v)) for k, v in table.items()}
    return KeywordLexicon(phrases, max((len(k) for k in phrases), default=1))


def parse_keywords(text: str, name: str) -> KeywordLexicon:
    """Read ``label<TAB>phrase`` lines (``#`` comments); ``DataFileError`` naming ``name`` and the line."""
    rows: list[tuple[str, str]] = []
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise DataFileError(f"{name}:{lineno}: expected label<TAB>phrase")
        rows.append((row[0].strip(), row[1].strip()))
    return keyword_lexicon(rows)


def load_event_keywords(path: Path | None = None) -> KeywordLexicon:
    """Read the packaged keyword list (``data/event_keywords.tsv``) or ``path``."""
    name = str(path) if path is not None else "claimledger/data/event_keywords.tsv"
    try:
        if path is None:
            text = (
                resources.files("claimledger.data").joinpath("event_keywords.tsv").read_text(encoding="utf-8")
            )
        else:
            text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read the event keywords: {exc}") from exc
    return parse_keywords(text, name)


@dataclass(frozen=True, slots=True)
class RuleEvent:
    """What the features use of one rule-coded event."""

    type: str  # PLOVER type
    sub_event_type: str | None  # ACLED sub-event type, if any
    label: str  # the task label the rule coding maps to (``coding.labels.rule_label``)
    trigger: str  # lower-case lemma of the trigger
    negated: bool = False
    hedged: bool = False
    actor1_kind: str | None = None
    actor2_kind: str | None = None
    victim_kinds: tuple[str, ...] = ()
    fatalities: int | None = None
    agent: str | None = None  # lower-case lemma of the head of the trigger's subject or "by" agent
    patient: str | None = None  # ... of its object, passive subject or "on/against" target
    mode: str | None = None  # PLOVER mode ("aerial", "explosives", ...)
    modality: str = "actual"  # or "future", "planned", "threatened", "conditional"
    denied: bool = False
    injured: int | None = None
    arrested: int | None = None
    focus: bool = True  # in the sentence being labelled (else in its context)


def lemma_of(token: Token) -> str:
    lemma = token.lemma.lower() if token.lemma and token.lemma != "-PRON-" else token.lower
    return lemma


def is_content(lemma: str) -> bool:
    return lemma not in STOP_WORDS and any(c.isalpha() for c in lemma)


def passage_features(
    tokens: Sequence[Token],
    events: Sequence[RuleEvent],
    cues: Sequence[tuple[str, str]],
    keywords: KeywordLexicon,
) -> dict[str, float]:
    """The features of a passage: its tokens, the rule events in it (main event first) and its attributions
    (``(cue lemma, stance)`` pairs). Each feature has the value 1, except ``kw=`` (``KEYWORD_VALUE``)."""
    feats: set[str] = set()
    lemmas = [lemma_of(t) for t in tokens if not t.is_punct and t.text.strip()]
    feats.update(f"w={lemma}" for lemma in lemmas if is_content(lemma))
    labels = sorted(keywords.labels_in(lemmas))
    feats.update(f"kw={label}" for label in labels)
    feats.update(f"kw2={a}|{b}" for k, a in enumerate(labels) for b in labels[k + 1 :])
    asserted = [e for e in events if not e.negated]
    if asserted:
        main = asserted[0]
        feats.add(f"rule={main.label}")
        feats.add(f"main_trig={main.trigger}")
        if main.actor1_kind:
            feats.add(f"main_a1={main.actor1_kind}")
            feats.add(f"rule_a1={main.label}|{main.actor1_kind}")
        kinds = {main.actor2_kind, *main.victim_kinds} - {None}
        feats.update(f"main_a2={k}" for k in kinds)
        feats.update(f"rule_a2={main.label}|{k}" for k in kinds)
        if main.fatalities:
            feats.add("main_fatal")
        if main.injured:
            feats.add("main_injured")
        if main.arrested:
            feats.add("main_arrested")
        if main.mode:
            feats.add(f"main_mode={main.mode}")
        if main.modality != "actual":
            feats.add(f"main_modality={main.modality}")
        if main.denied:
            feats.add("main_denied")
        if main.agent:
            feats.add(f"agent={main.agent}")
            feats.add(f"trig_agent={main.trigger}|{main.agent}")
            for side in keywords.labels_in([main.agent]):
                feats.add(f"agent_kw={side}")
                feats.add(f"rule_agent_kw={main.label}|{side}")
        if main.patient:
            feats.add(f"patient={main.patient}")
            for side in keywords.labels_in([main.patient]):
                feats.add(f"patient_kw={side}")
                feats.add(f"rule_patient_kw={main.label}|{side}")
    else:
        feats.add("rule=NONE")
    for e in events:
        where = "" if e.focus else "ctx_"
        if e.negated:
            feats.add(f"{where}neg={e.type}")
            continue
        feats.add(f"{where}ev={e.type}")
        feats.add(f"{where}lab={e.label}")
        if e.sub_event_type:
            feats.add(f"{where}sub={e.sub_event_type}")
        feats.add(f"{where}trig={e.trigger}")
        if e.hedged:
            feats.add("hedged")
    for cue, stance in cues:
        feats.add(f"cue={cue}")
        if stance == "deny":
            feats.add("deny")
    return {f: KEYWORD_VALUE if f.startswith("kw=") else 1.0 for f in sorted(feats)}


def prototype_rows(keywords: KeywordLexicon, labels: Iterable[str]) -> list[tuple[dict[str, float], str]]:
    """One made-up training row per class: every word of its keywords and its ``kw=`` feature. Added to the
    real rows when the model is fitted, they tell it what each class's keywords mean even where a keyword is
    rare or missing in the labelled data (a prior from the keyword list, not from data)."""
    rows: list[tuple[dict[str, float], str]] = []
    for label in sorted(set(labels)):
        words = sorted({w for phrase, owners in keywords.phrases.items() if label in owners for w in phrase})
        if words:
            row = {f"w={w}": 1.0 for w in words}
            row[f"kw={label}"] = KEYWORD_VALUE
            rows.append((row, label))
    return rows
