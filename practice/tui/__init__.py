"""The Textual studio: setup, practice, review and history screens over the plain `practice` modules."""
