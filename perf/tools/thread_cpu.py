#!/usr/bin/env python3
"""Per-thread CPU of a process between two snapshots, grouped by thread name (digits folded to #).

  thread_cpu.py snap PID > FILE          one line per thread: tid ticks name (and a 'process' line with the total)
  thread_cpu.py share FILE0 FILE1 SECONDS REGEX
      → the % of one core that threads whose name matches REGEX used between the snapshots (e.g. "C\d CompilerThre")
  thread_cpu.py diff FILE0 FILE1 SECONDS [REQUESTS]
      → one line: "<group> <% of one core> [<ms per request>]" for the largest groups; threads that ended between the
        snapshots are counted only in the process total ("ended threads"), e.g. carrier or compiler threads retired idle.
"""
import collections
import os
import re
import sys

TICK = os.sysconf("SC_CLK_TCK")


def snap(pid):
    total = 0
    with open(f"/proc/{pid}/stat") as f:
        s = f.read()
        fields = s[s.rindex(")") + 2:].split()
        total = int(fields[11]) + int(fields[12])
    print(f"process {total} process")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        fields = s[s.rindex(")") + 2:].split()
        print(f"{tid} {int(fields[11]) + int(fields[12])} {name}")


def load(path):
    threads, total = {}, 0
    with open(path) as f:
        for line in f:
            tid, ticks, name = line.rstrip("\n").split(" ", 2)
            if tid == "process":
                total = int(ticks)
            else:
                threads[tid] = (name, int(ticks))
    return threads, total


def share(path0, path1, seconds, pattern):
    before, _ = load(path0)
    after, _ = load(path1)
    ticks = sum(t - before.get(tid, (name, 0))[1] for tid, (name, t) in after.items() if re.search(pattern, name))
    print(f"{ticks / TICK / seconds * 100:.0f}")


def diff(path0, path1, seconds, requests):
    before, total0 = load(path0)
    after, total1 = load(path1)
    groups = collections.Counter()
    for tid, (name, ticks) in after.items():
        groups[re.sub(r"\d+", "#", name)] += ticks - before.get(tid, (name, 0))[1]
    ended = (total1 - total0) - sum(groups.values())
    if ended > 0:
        groups["ended threads"] += ended
    parts = []
    for name, ticks in groups.most_common(9):
        if ticks <= 0:
            continue
        share = ticks / TICK / seconds * 100
        per = f" {ticks / TICK * 1000 / requests:.2f}ms" if requests else ""
        parts.append(f"{name.strip()} {share:.0f}%{per}")
    per_total = f", {(total1 - total0) / TICK * 1000 / requests:.2f} ms per request" if requests else ""
    print(f"{(total1 - total0) / TICK / seconds * 100:.0f}% of a core{per_total}: " + ", ".join(parts))


if __name__ == "__main__":
    if sys.argv[1] == "snap":
        snap(sys.argv[2])
    elif sys.argv[1] == "share":
        share(sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5])
    else:
        diff(sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]) if len(sys.argv) > 5 else 0)
