#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a realistic long-form audits export for the import benchmark (scripts/bench-import.sh).

One row per criterion answer, the way QA tools export reviews: ~125,000 audits of 8 criteria
(~1,000,000 rows) by default, with tickets, reviewers, teams, queues, channels, a few N/A and
option answers, occasional comments (some with card numbers for the masking) and root causes.
Also writes the scorecard and the mapping the file needs. Deterministic for a given --seed.

usage: gen-import-bench.py OUTDIR [--audits N] [--seed N]
"""
import argparse
import csv
import datetime
import json
import os
import random

CRITERIA = [
    # key, label in the file, scale, weight, critical, allow_na
    ("greeting", "Greeting", {"min": 1, "max": 5}, 1, None, False),
    ("verify_identity", "Identity verified", "binary", 2, "compliance", False),
    ("tone", "Empathy", {"min": 1, "max": 5}, 2, None, True),
    ("accuracy", "Accuracy", {"min": 1, "max": 5}, 3, "customer", False),
    ("resolution", "Resolution", {"options": {"Yes": 10, "Partial": 3, "No": 0}}, 3, None, False),
    ("process", "Process followed", "binary", 1, "business", True),
    ("grammar", "Spelling and grammar", {"min": 1, "max": 5}, 1, None, False),
    ("closing", "Closing", {"min": 1, "max": 5}, 1, None, True),
]

COMMENTS = [
    "Customer asked twice before the answer came.",
    "Good ownership, clear next steps.",
    "Missed the refund policy link.",
    "Card 4111 1111 1111 1111 was repeated back in the chat.",
    "Could have offered the callback earlier.",
]
ROOT_CAUSES = ["Knowledge gap", "Macro missing", "Process unclear", "Tool issue", "Time pressure"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--audits", type=int, default=125_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)

    card = {
        "name": "Bench QA", "version": 1, "valid_from": "2025-01-01", "pass_threshold": 85,
        "critical_policy": "zero",
        "sections": [
            {"name": "Opening", "weight": 20, "criteria": []},
            {"name": "Handling", "weight": 60, "criteria": []},
            {"name": "Closing", "weight": 20, "criteria": []},
        ],
    }
    for i, (key, label, scale, weight, critical, allow_na) in enumerate(CRITERIA):
        section = 0 if i < 2 else (1 if i < 6 else 2)
        card["sections"][section]["criteria"].append(
            {"key": key, "name": label, "scale": scale, "weight": weight, "critical": critical, "allow_na": allow_na})
    with open(os.path.join(args.outdir, "bench-scorecard.json"), "w") as f:
        json.dump(card, f, indent=1)

    mapping = {
        "kind": "audits-long", "source": "bench", "scorecard": "Bench QA",
        "csv": {"delimiter": ",", "encoding": "auto", "decimal": "."},
        "date_format": "auto",
        "columns": {
            "audit_id": "Review ID", "ticket_id": "Conversation ID", "date": "Reviewed at",
            "agent": "Reviewee", "auditor": "Reviewer", "team": "Team", "queue": "Queue",
            "channel": "Channel", "criterion": "Category", "value": "Rating", "comment": "Comment",
            "root_cause": "Root cause",
        },
        "values": {"value": {"N/A": "na", "Pass": 1, "Fail": 0}},
    }
    with open(os.path.join(args.outdir, "bench-mapping.json"), "w") as f:
        json.dump(mapping, f, indent=1)

    agents = [f"agent{n:04d}" for n in range(2000)]
    teams = [f"Team {n:02d}" for n in range(40)]
    agent_team = {a: teams[i % len(teams)] for i, a in enumerate(agents)}
    reviewers = [f"qa{n:02d}" for n in range(30)]
    queues = ["Billing", "Returns", "Technical", "Orders", "Accounts", "Shipping"]
    channels = ["chat", "email", "phone", "social"]
    start = datetime.date(2025, 1, 1)

    with open(os.path.join(args.outdir, "bench-audits.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["Review ID", "Conversation ID", "Reviewed at", "Reviewee", "Reviewer", "Team", "Queue",
                    "Channel", "Category", "Rating", "Comment", "Root cause"])
        for n in range(args.audits):
            agent = rng.choice(agents)
            day = start + datetime.timedelta(days=rng.randrange(365))
            at = f"{day.isoformat()}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:00Z"
            common = [f"RV{n + 1:07d}", f"T{rng.randrange(10_000_000):08d}", at, agent, rng.choice(reviewers),
                      agent_team[agent], rng.choice(queues), rng.choice(channels)]
            for key, label, scale, weight, critical, allow_na in CRITERIA:
                comment = ""
                cause = ""
                if allow_na and rng.random() < 0.08:
                    rating = "N/A"
                elif scale == "binary":
                    rating = "Pass" if rng.random() < 0.9 else "Fail"
                elif "options" in scale:
                    rating = rng.choices(["Yes", "Partial", "No"], [0.75, 0.18, 0.07])[0]
                else:
                    rating = str(rng.choices([1, 2, 3, 4, 5], [0.03, 0.07, 0.2, 0.35, 0.35])[0])
                if rating in ("Fail", "No", "1", "2"):
                    if rng.random() < 0.5:
                        comment = rng.choice(COMMENTS)
                    if rng.random() < 0.6:
                        cause = rng.choice(ROOT_CAUSES)
                w.writerow(common + [label, rating, comment, cause])


if __name__ == "__main__":
    main()
