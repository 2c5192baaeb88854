"""Agreement of the posting reader with hand labels: requirement recall and precision, company found.

Pure: it takes posting texts and their labels and returns figures; reading the label files is the
caller's job. A read requirement matches a labelled one when their words agree closely (the reader may
trim a bullet, join a wrapped line or keep a trailing full stop), one to one, best match first.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .job import parse_job

MATCH_CUTOFF = 0.8


@dataclass(frozen=True)
class LabelledPosting:
    name: str
    text: str
    company: str | None
    requirements: list[tuple[str, str]]  # (text, kind)


@dataclass
class PostingFigures:
    postings: int = 0
    gold: int = 0
    read: int = 0
    matched: int = 0
    kind_right: int = 0
    company_right: int = 0
    company_total: int = 0
    per_posting: list[dict[str, object]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else float("nan")

    @property
    def precision(self) -> float:
        return self.matched / self.read if self.read else float("nan")

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.matched if self.matched else float("nan")

    @property
    def company_rate(self) -> float:
        return self.company_right / self.company_total if self.company_total else float("nan")


def _norm(s: str) -> str:
    s = s.lower().replace("’", "'")
    s = re.sub(r"[^\w+#%$'/ ]+", " ", s)
    return " ".join(s.split())


def similarity(a: str, b: str) -> float:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return 0.0
    if na == nb:
        return 1.0
    ratio = difflib.SequenceMatcher(None, na, nb, autojunk=False).ratio()
    short, long_ = sorted((na, nb), key=len)
    if short in long_ and len(short) >= 0.75 * len(long_):
        ratio = max(ratio, 0.9)
    return ratio


def _same_company(found: str | None, gold: str | None) -> bool:
    if gold is None:
        return found is None
    if found is None:
        return False
    f, g = _norm(found), _norm(gold)
    return f == g or (len(f) >= 3 and (f in g or g in f))


def evaluate_postings(postings: list[LabelledPosting]) -> PostingFigures:
    fig = PostingFigures()
    for p in postings:
        jd = parse_job(p.text)
        read = [(r.text, r.kind) for r in jd.requirements]
        pairs = sorted(
            (
                (similarity(g[0], r[0]), gi, ri)
                for gi, g in enumerate(p.requirements)
                for ri, r in enumerate(read)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_r: set[int] = set()
        kinds = 0
        for score, gi, ri in pairs:
            if score < MATCH_CUTOFF:
                break
            if gi in used_g or ri in used_r:
                continue
            used_g.add(gi)
            used_r.add(ri)
            kinds += p.requirements[gi][1] == read[ri][1]
        fig.postings += 1
        fig.gold += len(p.requirements)
        fig.read += len(read)
        fig.matched += len(used_g)
        fig.kind_right += kinds
        fig.company_total += 1
        company_ok = _same_company(jd.company, p.company)
        fig.company_right += company_ok
        fig.per_posting.append(
            {
                "name": p.name,
                "gold": len(p.requirements),
                "read": len(read),
                "matched": len(used_g),
                "company_ok": company_ok,
                "missed": [g[0] for gi, g in enumerate(p.requirements) if gi not in used_g],
                "extra": [r[0] for ri, r in enumerate(read) if ri not in used_r],
                "company": jd.company,
                "gold_company": p.company,
            }
        )
    return fig
