"""spaCy loading and components. A spaCy ``Doc`` never leaves this package: see ``convert``."""
