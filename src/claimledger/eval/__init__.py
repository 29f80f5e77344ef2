"""``claimledger eval DATASET``: scoring extractors against evaluation datasets (``shared/spec/eval.md``)."""

from claimledger.eval.base import Dataset, Detail, EvalResult, Extractor, find_shared
from claimledger.eval.registry import DATASETS, get_dataset, run_eval

__all__ = [
    "DATASETS",
    "Dataset",
    "Detail",
    "EvalResult",
    "Extractor",
    "find_shared",
    "get_dataset",
    "run_eval",
]
