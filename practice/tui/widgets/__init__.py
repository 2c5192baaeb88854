"""Reusable widgets of the studio; each carries its own DEFAULT_CSS, layout lives in app.tcss."""
