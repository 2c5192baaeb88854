"""The Textual studio: setup, practice, review and history screens.

A front end: it renders and dispatches, and may import every layer below it (through `practice.services`
for the devices, model and store it is handed). It never imports `practice.cli`, and nothing below imports it.
"""
