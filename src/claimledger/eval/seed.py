"""The ``seed`` dataset: the founding article against ``spec/seed-ledger.yaml``.

Accepted ``--path`` layouts (the YAML's ``article.file``, e.g. ``corpus/000_….txt``, is resolved against the
first folder below that holds it):

- ``DIR`` with ``DIR/spec/seed-ledger.yaml`` (the shared folder's own layout; the default is the shared
  folder): the article is ``DIR/<article.file>``;
- ``DIR`` being the spec folder itself, holding ``seed-ledger.yaml``: the article is
  ``DIR/../<article.file>``, else ``DIR/<article.file>``;
- the YAML file itself: the article is resolved as for the folder that holds it.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.matching import safe_ratio
from claimledger.eval.seed_gold import SeedGold, load_seed_golds
from claimledger.eval.seed_score import SEED_METRICS, score_seed
from claimledger.ingest.text import read_text_file
from claimledger.types import Article

log = logging.getLogger(__name__)

SEED_FILE = "seed-ledger.yaml"
SPEC_DIR = "spec"


@dataclass(frozen=True, slots=True)
class SeedPaths:
    gold: Path  # the YAML file
    article_dirs: tuple[Path, ...]  # where ``article.file`` is looked for, in order


def resolve_seed_paths(path: Path) -> SeedPaths:
    """Find the gold YAML and the folders the article may lie in, for any accepted layout."""
    if path.is_file():
        return SeedPaths(path, _unique(path.parent.parent, path.parent))
    if not path.is_dir():
        raise EvalError(f"{path}: no such seed dataset (expected a folder holding {SPEC_DIR}/{SEED_FILE})")
    if (path / SPEC_DIR / SEED_FILE).is_file():
        return SeedPaths(path / SPEC_DIR / SEED_FILE, (path,))
    if (path / SEED_FILE).is_file():
        return SeedPaths(path / SEED_FILE, _unique(path.parent, path))
    raise EvalError(
        f"{path}: not a seed dataset: neither {path / SPEC_DIR / SEED_FILE} nor {path / SEED_FILE} exists"
    )


def _unique(*paths: Path) -> tuple[Path, ...]:
    return tuple(dict.fromkeys(paths))


def load_seed_article(
    gold: SeedGold, article_dirs: tuple[Path, ...], config: Config | None = None
) -> Article:
    """Read the article that ``gold`` describes, as ``claimledger extract FILE`` would (``ingest``).

    ``published`` comes from the YAML; ``config`` (default ``Config()``) sets the input checks.
    """
    tried = [folder / gold.article_file for folder in article_dirs]
    found = next((p for p in tried if p.is_file()), None)
    if found is None:
        raise EvalError(
            f"{gold.origin}: article file {gold.article_file!r} not found; tried {', '.join(map(str, tried))}"
        )
    try:
        return read_text_file(found, origin=str(found), config=config or Config(), published=gold.published)
    except InputError as exc:
        raise EvalError(f"seed article {exc.message}") from exc


@dataclass(frozen=True, slots=True)
class SeedDataset:
    """``claimledger eval seed``: one article, scored item by item against the analyst's ledger."""

    name: str = "seed"

    def default_path(self, shared: Path) -> Path:
        return shared

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        """Score every article the copy holds; each metric is pooled over all of them (micro average)."""
        started = time.perf_counter()
        paths = resolve_seed_paths(path)
        golds = load_seed_golds(paths.gold)
        notes = [f"gold: {paths.gold}"]
        details: list[Detail] = []
        totals: dict[str, list[int]] = {name: [0, 0] for name in SEED_METRICS}
        for gold in golds:
            article = load_seed_article(gold, paths.article_dirs)
            log.info("seed: extracting %s", article.origin)
            ledger = extractor.extract(article)
            notes.append(f"article: {article.origin}")
            if ledger.article.text != article.text:
                notes.append("warning: the ledger's article text differs from the input; spans may be off")
            notes.extend(f"stage error: {e.stage}: {e.message}" for e in ledger.errors)
            score = score_seed(gold, ledger)
            for name, (hits, total) in score.counts.items():
                if name in totals:
                    totals[name][0] += hits
                    totals[name][1] += total
            notes.extend(score.notes)
            details.extend(score.details)
        notes.extend(f"{name}: {hits}/{total}" for name, (hits, total) in totals.items())
        return EvalResult(
            dataset=self.name,
            docs=len(golds),
            metrics={name: safe_ratio(hits, total) for name, (hits, total) in totals.items()},
            config=extractor.config_dict(),
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )
