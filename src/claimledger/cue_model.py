"""A learned reporting-cue detector: logistic regression over parse features of a token.

Attribution cues have a long tail ("blasted", "questions about", "is eager"): a lexicon covers the frequent
ones, this model scores the rest. It is trained only on PolNeAR *train* by ``tools/train_cues.py`` and shipped
as ``data/cue_model.json`` (feature weights; no text). Inference is a sparse dot product: no ML library at run
time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from itertools import repeat
from pathlib import Path

from claimledger.errors import DataFileError
from claimledger.syntax import ParseView

CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
# speech verbs whose complement holds a reported (nested) attribution
_SPEECH = frozenset("say tell claim report write add argue note announce insist ask explain".split())
_QUOTES = frozenset({"“", "”", '"', "''", "``"})
_CHILD_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "nsubj"})


def is_candidate(view: ParseView, i: int) -> bool:
    t = view[i]
    return t.pos in CANDIDATE_POS and t.text[:1].isalpha()


def _quote_counts(view: ParseView) -> list[int]:
    """counts[k]: quote-mark tokens before token k. Kept for the last view asked about (the stages ask
    about many tokens of one article in turn)."""
    global _last_counts
    last = _last_counts
    if last is not None and last[0] is view:
        return last[1]
    counts = [0]
    n = 0
    for t in view.tokens:
        n += t.text in _QUOTES
        counts.append(n)
    _last_counts = (view, counts)
    return counts


_last_counts: tuple[ParseView, list[int]] | None = None


def cue_features(view: ParseView, i: int) -> list[str]:
    """String features of token ``i`` as a possible cue head (the same for training and inference)."""
    tokens = view.tokens
    t = tokens[i]
    lemma = t.lemma.lower()
    head = tokens[t.head]
    children = view.children(i)
    deps = sorted({c.dep for c in children})
    subj = [c for c in children if c.dep in ("nsubj", "nsubjpass")]
    subj_ent = tokens[subj[0].i].ent_type if subj else "-"
    subj_pos = tokens[subj[0].i].pos if subj else "-"
    feats = [
        "bias",
        f"lemma={lemma}",
        f"pos={t.pos}",
        f"tag={t.tag}",
        f"dep={t.dep}",
        f"lemma_pos={lemma}|{t.pos}",
        f"lemma_dep={lemma}|{t.dep}",
        f"head_lemma={head.lemma.lower()}",
        f"head_pos={head.pos}",
        f"subj_ent={subj_ent}",
        f"subj_pos={subj_pos}",
        f"lemma_subjpos={lemma}|{subj_pos}",
    ]
    feats.extend([f"child={d}" for d in deps])
    feats.extend([f"lemma_child={lemma}|{d}" for d in deps if d in _CHILD_DEPS])
    n = len(tokens)
    prev = tokens[i - 1].text.lower() if i > 0 else "<s>"
    nxt = tokens[i + 1].text.lower() if i + 1 < n else "</s>"
    feats.extend([f"prev={prev}", f"next={nxt}"])
    counts = _quote_counts(view)
    lo, hi = max(0, i - 3), min(n, i + 4)
    feats.append(f"quote_near={counts[hi] - counts[lo] > 0}")
    if "ccomp" in deps:
        feats.append(f"ccomp_subj={subj_pos}")
    feats.extend([f"lemma_prep={lemma}|{c.text.lower()}" for c in children if c.dep in ("prep", "prt")])
    if "neg" in deps:
        feats.append("negated")
    # inside a quotation (an odd number of quote marks before it in its sentence)?
    s = view.sentence_of(i)
    marks = counts[i] - counts[s.start] if i > s.start else 0
    feats.append(f"in_quote={marks % 2 == 1}")
    # under another speech verb (nested attributions are rarely annotated)
    anc = next((a for a in view.ancestors(i) if a.pos == "VERB" and a.lemma.lower() in _SPEECH), None)
    feats.append(f"under_speech={anc is not None}")
    feats.append(f"subj_ent_lemma={subj_ent}|{lemma}")
    return feats


@dataclass(frozen=True, slots=True)
class CueModel:
    weights: dict[str, float]
    threshold: float
    trained_on: str

    def probability(self, view: ParseView, i: int) -> float:
        z = sum(map(self.weights.get, cue_features(view, i), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def is_cue(self, view: ParseView, i: int) -> bool:
        return is_candidate(view, i) and self.probability(view, i) >= self.threshold


def load_cue_model(path: Path | None = None) -> CueModel:
    """Read the packaged model (``data/cue_model.json``) or ``path``."""
    try:
        if path is None:
            text = resources.files("claimledger.data").joinpath("cue_model.json").read_text(encoding="utf-8")
            name = "claimledger/data/cue_model.json"
        else:
            text = path.read_text(encoding="utf-8")
            name = str(path)
    except OSError as exc:
        raise DataFileError(f"{path or 'cue_model.json'}: cannot read the cue model: {exc}") from exc
    try:
        data = json.loads(text)
        return CueModel(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            threshold=float(data["threshold"]),
            trained_on=str(data.get("trained_on", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataFileError(f"{name}: malformed cue model: {exc}") from exc
