#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The pivots of performance.md, run in SQLite (GROUP BY on the project file itself) and in pandas
(on DataFrames loaded from it), timed the same way as `qualitylens-cli bench`: one warm-up, then the
median of N runs, in milliseconds. Prints NAME<TAB>engine<TAB>median_ms<TAB>runs<TAB>rows.

usage: scripts/bench-compare.py PROJECT.qlens [--repeat N]

Debian's python3 (with python3-pandas, which scripts/setup.sh installs) and its sqlite3 module, which
links the system libsqlite3 that QualityLens uses too.
"""
import argparse
import sqlite3
import statistics
import sys
import time

import pandas as pd


def measure(repeat, work):
    result = work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), result


# The audits QualityLens counts in its KPIs: complete ones (scoring.md); `count` counts every fact.
TEAM_MONTH = """
WITH f AS (SELECT t.name AS team, a.month AS month, a.score AS score, a.passed AS passed, a.incomplete AS inc
           FROM audits a LEFT JOIN teams t ON t.id = a.team_id)
SELECT team, month, count(*), avg(CASE WHEN inc = 0 THEN score END), 100.0 * avg(CASE WHEN inc = 0 THEN passed END)
  FROM f GROUP BY team, month
UNION ALL SELECT team, NULL, count(*), avg(CASE WHEN inc = 0 THEN score END), 100.0 * avg(CASE WHEN inc = 0 THEN passed END)
  FROM f GROUP BY team
UNION ALL SELECT NULL, month, count(*), avg(CASE WHEN inc = 0 THEN score END), 100.0 * avg(CASE WHEN inc = 0 THEN passed END)
  FROM f GROUP BY month
UNION ALL SELECT NULL, NULL, count(*), avg(CASE WHEN inc = 0 THEN score END), 100.0 * avg(CASE WHEN inc = 0 THEN passed END)
  FROM f
"""

QUEUE_CHANNEL_WEEK = """
SELECT q.name, c.name, a.week, count(*), avg(CASE WHEN a.incomplete = 0 THEN a.score END)
  FROM audits a LEFT JOIN queues q ON q.id = a.queue_id LEFT JOIN channels c ON c.id = a.channel_id
 GROUP BY q.name, c.name, a.week
"""

# SQLite has no percentile function: rank within each cell by a window, then interpolate between
# closest ranks (type 7: h = (n - 1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])).
def _type7(p):
    h = f"((n - 1) * {p})"
    lo = f"CAST({h} AS INTEGER)"
    return (f"sum(CASE WHEN r = {lo} THEN score * (1 - ({h} - {lo})) ELSE 0 END)"
            f" + sum(CASE WHEN r = {lo} + 1 THEN score * ({h} - {lo}) ELSE 0 END)")


PERCENTILES = f"""
WITH s AS (SELECT team_id, month, score, row_number() OVER w - 1 AS r,
                  count(*) OVER (PARTITION BY team_id, month) AS n
             FROM audits WHERE score IS NOT NULL
           WINDOW w AS (PARTITION BY team_id, month ORDER BY score))
SELECT team_id, month, {_type7(0.5)}, {_type7(0.9)} FROM s GROUP BY team_id, month
"""
DISTINCT_AGENTS = "SELECT team_id, month, count(DISTINCT agent_id) FROM audits GROUP BY team_id, month"


ANSWERS = """
SELECT cr.name, a.month, 100.0 * avg(CASE WHEN an.na = 0 THEN an.c END), count(*)
  FROM answers an JOIN audits a ON a.id = an.audit_id JOIN criteria cr ON cr.id = an.criterion_id
 GROUP BY cr.name, a.month
"""


def sqlite_rows(db, sql):
    return db.execute(sql).fetchall()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.project}?mode=ro", uri=True)
    db.execute("PRAGMA cache_size = -262144")  # 256 MB, as generous as QualityLens's bulk reads
    out = []

    def line(name, engine, ms, rows):
        out.append(f"{name}\t{engine}\t{ms:.2f}\t{args.repeat}\t{rows}")
        print(out[-1], flush=True)

    for name, sqls in (("pivot.team_month", [TEAM_MONTH]), ("pivot.queue_channel_week", [QUEUE_CHANNEL_WEEK]),
                       ("pivot.percentiles", [PERCENTILES, DISTINCT_AGENTS]), ("pivot.answers", [ANSWERS])):
        ms, rows = measure(args.repeat, lambda: [sqlite_rows(db, sql) for sql in sqls])
        line(name, "sqlite", ms, len(rows[0]))

    # pandas: the load from the project file is what a cube build is; the pivots then run in memory.
    def load_audits():
        return pd.read_sql_query(
            "SELECT a.id, t.name AS team, q.name AS queue, c.name AS channel, a.agent_id AS agent, a.week, a.month,"
            " a.score, a.passed, a.incomplete FROM audits a LEFT JOIN teams t ON t.id = a.team_id"
            " LEFT JOIN queues q ON q.id = a.queue_id LEFT JOIN channels c ON c.id = a.channel_id", db)

    ms, audits = measure(max(1, args.repeat // 2), load_audits)
    line("cube_build", "pandas", ms, len(audits))
    complete = audits["incomplete"] == 0
    audits["kscore"] = audits["score"].where(complete)
    audits["kpass"] = (audits["passed"] * 100.0).where(complete)

    def team_month():
        return pd.pivot_table(audits, index="team", columns="month", values=["id", "kscore", "kpass"],
                              aggfunc={"id": "count", "kscore": "mean", "kpass": "mean"}, margins=True)

    def queue_channel_week():
        return audits.groupby(["queue", "channel", "week"]).agg(n=("id", "count"), qa=("kscore", "mean"))

    def percentiles():
        g = audits.groupby(["team", "month"])
        return pd.DataFrame({"median": g["score"].median(), "p90": g["score"].quantile(0.9),
                             "agents": g["agent"].nunique()})

    for name, work in (("pivot.team_month", team_month), ("pivot.queue_channel_week", queue_channel_week),
                       ("pivot.percentiles", percentiles)):
        ms, result = measure(args.repeat, work)
        line(name, "pandas", ms, len(result))

    def load_answers():
        return pd.read_sql_query(
            "SELECT an.criterion_id AS criterion, a.month, an.c, an.na FROM answers an JOIN audits a ON a.id = an.audit_id",
            db)

    ms, answers = measure(1, load_answers)
    line("cube_build.answers", "pandas", ms, len(answers))
    answers["kc"] = (answers["c"] * 100.0).where(answers["na"] == 0)

    def answers_pivot():
        return answers.groupby(["criterion", "month"]).agg(compliance=("kc", "mean"), n=("c", "size"))

    ms, result = measure(args.repeat, answers_pivot)
    line("pivot.answers", "pandas", ms, len(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
