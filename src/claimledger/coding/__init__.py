"""Event coding: PLOVER types and modes with their ACLED event and sub-event types."""
