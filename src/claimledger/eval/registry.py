"""The known evaluation datasets and the one entry point that runs any of them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from claimledger.errors import EvalError
from claimledger.eval.acled import AcledDataset
from claimledger.eval.base import Dataset, EvalResult, Extractor, find_shared
from claimledger.eval.case2021 import Case2021Dataset
from claimledger.eval.muc34 import Muc34Dataset, muc34_dev
from claimledger.eval.plover_gsr import PloverGsrDataset
from claimledger.eval.polnear import PolnearDataset
from claimledger.eval.seed import SeedDataset
from claimledger.eval.ucdp import UcdpDataset

log = logging.getLogger(__name__)

# Each later dataset (polnear, re3d, muc34, case2021, plover_gsr, acled, ucdp) adds one line here.
DATASETS: dict[str, Callable[[], Dataset]] = {
    "seed": SeedDataset,
    "polnear": PolnearDataset,
    "case2021": Case2021Dataset,
    "plover_gsr": PloverGsrDataset,
    "muc34": Muc34Dataset,
    "muc34-dev": muc34_dev,
    "ucdp": UcdpDataset,
    "acled": AcledDataset,
}


def get_dataset(name: str) -> Dataset:
    """The dataset registered as ``name``; ``EvalError`` listing the known ones otherwise."""
    factory = DATASETS.get(name)
    if factory is None:
        raise EvalError(f"unknown dataset {name!r}; known datasets: {', '.join(sorted(DATASETS))}")
    return factory()


def run_eval(
    name: str,
    extractor: Extractor,
    path: Path | None = None,
    shared: Path | None = None,
) -> EvalResult:
    """Score ``extractor`` on dataset ``name``.

    ``path`` names a copy of the dataset in its usual layout; without it the dataset is read from its place
    in ``shared`` (default: the ``shared`` folder beside the repository, see ``find_shared``).
    """
    dataset = get_dataset(name)
    if path is None:
        path = dataset.default_path(shared if shared is not None else find_shared())
    if not path.exists():
        raise EvalError(f"{path}: dataset {name!r} not found there")
    log.info("eval %s on %s with model %s", name, path, extractor.model)
    return dataset.run(path, extractor)
