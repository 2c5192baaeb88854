"""How long score_answer takes on a ~300-word spoken-style answer with a realistic job description.

Usage: python benchmarks/scoring_speed.py [RUNS]. Prints median and p95 in milliseconds; the last line is
machine-readable: `score_ms_median=.. score_ms_p95=..`. Budget: p95 <= 150 ms after warm-up on a 2-core
machine. Each run uses a slightly different answer and the sentence-embedding cache is emptied before it, so
all per-answer work (embedding every clause included) is measured, while the job description is the same
text every time (the posting and its vectors are cached per text, as in a practice session).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from feedback import score_answer  # noqa: E402
from feedback.embed import embedder  # noqa: E402

JOB = """Senior Site Reliability Engineer - Northwind Health
Northwind Health runs the scheduling and telehealth platform used by 900 clinics.

What you'll do
- Run our services on Kubernetes (EKS) and keep them fast and available
- Own the CI/CD pipeline and release tooling
- Lead incident response and write blameless postmortems
- Tune PostgreSQL and Redis for a read-heavy workload

Requirements
- 5+ years operating production systems on AWS
- Strong Python or Go, and infrastructure as code with Terraform
- Experience with observability: Prometheus, Grafana, tracing
- Comfortable on call and calm in an outage

Nice to have
- HIPAA or SOC 2 experience
- Experience mentoring engineers
"""

ANSWER = (
    "so um last spring our appointment api started timing out every monday morning when clinics opened and "
    "my job as the on call engineer was to figure out why and stop it from happening again so i pulled the "
    "traces from grafana and uh saw that the postgres connection pool was maxing out because a reporting job "
    "was holding connections open for minutes at a time and then i moved that job to a read replica and i "
    "added pgbouncer in front of the primary and you know i also wrote a terraform module so every service "
    "got the same pool limits by default and i set up a prometheus alert on connection saturation so we "
    "would "
    "see it before clinics did and after that the monday timeouts went from about forty a week to zero and "
    "p95 "
    "latency dropped from 2.1 seconds to 300 milliseconds and we kept it there through the winter peak i "
    "wrote "
    "the postmortem and walked the whole team through it and i think the thing i am proudest of is that the "
    "runbook i wrote got used by two newer engineers the next time we saw pool pressure and they fixed it "
    "without paging anyone honestly that is the kind of work i want to keep doing at northwind because your "
    "clinics depend on the platform being up at eight in the morning and i would love to help the team make "
    "reliability boring in the best way kind of like what we did there and um i am excited about the "
    "telehealth "
    "side too since i have seen how much video visits helped my own family during the pandemic and i want to "
    "bring the same care to incident reviews and capacity planning for the kubernetes clusters here"
)


def main(runs: int = 200) -> None:
    words = ANSWER.split()
    print(f"answer: {len(words)} words; job: {len(JOB.split())} words; runs: {runs}")
    variants = [" ".join(words[i % 7 :] + words[: i % 7]) for i in range(runs)]
    for v in variants[:20]:  # warm-up: regex caches, parse_job cache, lru caches
        score_answer("Tell me about a time you fixed a reliability problem.", v, JOB)
    times = []
    for v in variants:
        embedder().clear_cache()  # the job's vectors live in their own cache and stay warm
        t0 = time.perf_counter()
        score_answer("Tell me about a time you fixed a reliability problem.", v, JOB)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    median = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"median {median:.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms")
    print(f"score_ms_median={median:.2f} score_ms_p95={p95:.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
