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
from pathlib import Path

from claimledger.errors import DataFileError
from claimledger.syntax import ParseView

CANDIDATE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX"})
# speech verbs whose complement holds a reported (nested) attribution
_SPEECH = frozenset("say tell claim report write add argue note announce insist ask explain".split())
_QUOTES = frozenset({"“", "”", '"', "''", "``"})


def is_candidate(view: ParseView, i: int) -> bool:
    t = view[i]
    return t.pos in CANDIDATE_POS and t.text[:1].isalpha()


def cue_features(view: ParseView, i: int) -> list[str]:
    """String features of token ``i`` as a possible cue head (the same for training and inference)."""
    t = view[i]
    lemma = t.lemma.lower()
    head = view.head(i)
    deps = sorted({c.dep for c in view.children(i)})
    subj = view.children_by_dep(i, "nsubj", "nsubjpass")
    subj_ent = view[subj[0].i].ent_type if subj else "-"
    subj_pos = view[subj[0].i].pos if subj else "-"
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
    feats.extend(f"child={d}" for d in deps)
    feats.extend(f"lemma_child={lemma}|{d}" for d in deps if d in ("ccomp", "xcomp", "dobj", "prep", "nsubj"))
    prev = view[i - 1].lower if i > 0 else "<s>"
    nxt = view[i + 1].lower if i + 1 < len(view) else "</s>"
    feats.extend([f"prev={prev}", f"next={nxt}"])
    quote_near = any(
        view[k].text in ("“", "”", '"', "''", "``") for k in range(max(0, i - 3), min(len(view), i + 4))
    )
    feats.append(f"quote_near={quote_near}")
    if any(c.dep == "ccomp" for c in view.children(i)):
        feats.append(f"ccomp_subj={subj_pos}")
    feats.extend(f"lemma_prep={lemma}|{c.lower}" for c in view.children(i) if c.dep in ("prep", "prt"))
    if any(c.dep == "neg" for c in view.children(i)):
        feats.append("negated")
    # inside a quotation (an odd number of quote marks before it in its sentence)?
    s = view.sentence_of(i)
    marks = sum(1 for k in range(s.start, i) if view[k].text in _QUOTES)
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
        z = sum(self.weights.get(f, 0.0) for f in cue_features(view, i))
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
