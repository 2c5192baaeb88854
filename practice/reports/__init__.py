"""Reports of what was practiced: the report model read from the history, feedback as text, session reports
as Markdown and self-contained HTML, and SVG charts.

It sits above `practice.prep` because a report shows requirement coverage (practice.prep.coverage). It may
import prep and everything below; never the composition root or a front end.
"""
