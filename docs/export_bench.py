"""Exports and the report at scale: CPU time and peak memory, each in a fresh process.

Builds (once, cached in the work folder) a database of N synthetic sessions written through the
real ``SessionRecorder`` (61 s of 100 Hz board samples each, trials, events, pauses, pain, a
clinical test every tenth session, a personal best and milestones: 1000 sessions is about 17
hours of play), and one with a single 12-hour session; then runs each export format and the HTML
and PDF report in its own Python process and prints CPU time (user + system,
``resource.getrusage``) and peak RSS (the process's own high-water mark, ``VmHWM``).
Usage::

    python docs/export_bench.py [--sessions 1000] [--work /tmp/export-bench] [--long-hours 12]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

RATE_HZ = 100
SESSION_S = 61.2  # 1000 sessions = 17 h of play
PLAYER = "Bench"

CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from balance_game.storage.db import Database
kind, db_path, out = sys.argv[1], sys.argv[2], Path(sys.argv[3])
start = time.perf_counter()
with Database(Path(db_path)) as db:
    if kind in ("csv", "json", "fhir"):
        from balance_game.storage.export import export_player
        export_player(db, "Bench", kind, out)
    else:
        from balance_game.report import write_report
        write_report(db, "Bench", out / f"report.{kind}")
usage = resource.getrusage(resource.RUSAGE_SELF)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec
hwm_kb = next(int(line.split()[1]) for line in open("/proc/self/status")
              if line.startswith("VmHWM:"))
print(json.dumps({"cpu_s": usage.ru_utime + usage.ru_stime, "wall_s": time.perf_counter() - start,
                  "peak_rss_mb": hwm_kb / 1024}))
"""


def _session(db, player_id: int, seconds: float, seed: int, test: bool) -> None:
    import numpy as np

    from balance_game.core.records import Sample, TrialRecord, quantize
    from balance_game.storage.assessments import save_assessment
    from balance_game.storage.progress import save_progress
    from balance_game.storage.rewards import award_milestones
    from balance_game.storage.sessions import SessionRecorder, set_session_pain

    rng = np.random.default_rng(seed)
    n = int(seconds * RATE_HZ)
    t = np.arange(n) / RATE_HZ + rng.uniform(0, 0.002, n)  # board timestamps jitter
    x = np.cumsum(rng.normal(0, 0.3, n)) * 0.5
    y = np.cumsum(rng.normal(0, 0.4, n)) * 0.5
    weight = rng.uniform(60, 80)
    share = 0.25 + rng.normal(0, 0.01, (n, 4))
    corners = share / share.sum(axis=1, keepdims=True) * weight
    recorder = SessionRecorder(db, player_id, "Nintendo Wii Balance Board", seed=seed)
    if test:
        recorder.add_event(0.0, "assessment_start", "quiet")
    else:
        recorder.add_event(0.0, "level_start", "reach-01")
    recorder.add_event(20.0, "pause", "step_off")
    recorder.add_event(22.5, "resume", "step_off")
    for i in range(n):
        recorder.add_sample(quantize(Sample(float(t[i]), float(x[i]), float(y[i]),
                                            tuple(corners[i].tolist()))))
    trial_s = seconds / 10
    for k in range(0 if test else 10):
        recorder.add_trial(TrialRecord("reach-01", "reach", k, k * trial_s, (k + 1) * trial_s,
                                       bool(k % 3), 60.0 + k, 0.4 + 0.01 * k,
                                       {"reaction_time_s": 0.5, "hold_s": 2.0}))
    score, stars = 50.0 + seed % 40, 1 + seed % 3
    if not test:
        recorder.add_event(seconds, "level_end", "reach-01", {"mean_score": score, "stars": stars})
    recorder.set_active_s(seconds - 2.5)
    recorder.finish()
    if not test:  # a personal best that moves, and milestones now and then, to export
        save_progress(db, player_id, "reach-01", 0.5, stars, score)
        if seed % 100 == 0:
            award_milestones(db, player_id, recorder.session_id)
    if test:
        save_assessment(db, player_id, recorder.session_id, "quiet", {"conditions": {"eo_firm": {
            "measures": {"valid": True, "mean_velocity_mm_s": 9.0, "ellipse95_area_mm2": 200.0}}}})
    set_session_pain(db, recorder.session_id, "before", seed % 11)


def build(path: Path, sessions: int, seconds: float) -> float:
    """Create the database unless it exists; returns the hours of play in it."""
    from balance_game.storage.db import Database
    from balance_game.storage.players import add_player, set_birth_year

    if not path.exists():
        tmp = path.with_suffix(".building")
        tmp.unlink(missing_ok=True)
        with Database(tmp) as db:
            player = set_birth_year(db, add_player(db, PLAYER, 170, 70), 1950)
            for i in range(sessions):
                _session(db, player.id, seconds, seed=i, test=i % 10 == 9)
        tmp.rename(path)
    return sessions * seconds / 3600


def measure(kind: str, db: Path, out: Path) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c", CHILD, kind, str(db), str(out)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--long-hours", type=float, default=12.0)
    parser.add_argument("--work", type=Path, default=Path("/tmp/export-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    many = args.work / f"sessions-{args.sessions}.db"
    hours = build(many, args.sessions, SESSION_S)
    long = args.work / f"long-{args.long_hours:g}h.db"
    build(long, 1, args.long_hours * 3600)
    print(f"built in {time.perf_counter() - started:.0f} s; uptime: "
          + subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    print("| data | output | CPU s | wall s | peak RSS MB |\n| --- | --- | ---: | ---: | ---: |")
    for label, db, kinds in (
            (f"{args.sessions} sessions, {hours:.1f} h", many, ("csv", "json", "fhir", "html", "pdf")),
            (f"1 session of {args.long_hours:g} h", long, ("csv", "json"))):
        for kind in kinds:
            r = measure(kind, db, args.work / f"out-{db.stem}-{kind}")
            print(f"| {label} | {kind} | {r['cpu_s']:.1f} | {r['wall_s']:.1f} | "
                  f"{r['peak_rss_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
