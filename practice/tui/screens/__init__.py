"""The studio's screens: setup, practice, review, compare, session summary, history, and modals."""
