"""Cross-article and within-article ledger logic."""
