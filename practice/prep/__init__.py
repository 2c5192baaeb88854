"""Preparation around the practice itself: banks tailored to a job, requirement phrasing, the story bank,
requirement coverage and follow-up drafts.

It may import answers and everything below it, and `feedback`; never reports, the composition root or a
front end.
"""
