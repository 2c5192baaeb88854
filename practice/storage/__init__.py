"""Everything the studio keeps on disk between runs: where its folders are, the person's settings, the catalog
of question banks and the SQLite history.

It may import `practice.core` (the records it stores, the bank format) and platformdirs; nothing above it.
"""
