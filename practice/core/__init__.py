"""The domain core: the session state machine, question banks, panels, job descriptions, attempt comparison,
the records the history keeps and the typed view of a feedback result.

Pure logic over plain data (files are read only when a caller names them). It may import the standard
library and `feedback/`; it imports nothing else of `practice`, no device library and no Textual.
"""
