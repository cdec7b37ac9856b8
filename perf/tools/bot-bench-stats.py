#!/usr/bin/env python3
"""Analysis helpers of perf/bot-bench.sh (standard library only).

  bot-bench-stats.py round STATS_JSON ROUND_ID    GET /api/v1/bots/stats → "launched admitted booked lost cancelled errors"
  bot-bench-stats.py hist BEFORE AFTER NAME       Prometheus scrapes → "n p50 p99 max" (ms) of the histogram NAME
                                                  (seconds) from the bucket increase between the two scrapes; each value
                                                  is the upper bound of the bucket it falls in
  bot-bench-stats.py heap PROM                    heap used (MB) in a scrape
  bot-bench-stats.py cpu MARK0 MARK1              "epoch cpu-seconds… host-busy host-total" marks → % of one core for each
                                                  process, then host busy % of all cores
  bot-bench-stats.py results RESULTS_JSON         booking's round results → a one-line summary
  bot-bench-stats.py requests BEFORE AFTER        a service's Prometheus scrapes → its answers in between, by method, uri
                                                  and status (http_server_requests_seconds_count increase)
  bot-bench-stats.py pool PROM PORT              bot-runner's connection pool to 127.0.0.1:PORT in a scrape → "total active
                                                  idle pending" (reactor_netty_connection_provider_*_connections)
  bot-bench-stats.py failures BEFORE AFTER        bot-runner's scrapes → failed bots in between by side (runner: its own
                                                  fault; service: the service under test failed the call), call and cause
                                                  (ticketing_bots_failures_total increase): "runner N", "service N", then
                                                  one "side call cause count" line each
  bot-bench-stats.py gc LOG OPEN_EPOCH CLOSE_EPOCH  bot-runner's -Xlog:gc log (time decoration) → its pauses from 5 s before
                                                  the open to the close: "n total-ms max-ms" in the first 3 s after the
                                                  open, the same for the whole window, then one "+s kind ms" line each
"""
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_stats import histogram_quantiles  # noqa: E402  (perf/tools/bench_stats.py, the shared histogram maths)


def ms(bound):
    return "inf" if math.isinf(bound) else "%.0f" % (bound * 1000.0) if bound >= 0.01 else "%.1f" % (bound * 1000.0)


def cmd_hist(before_path, after_path, name):
    count, bounds = histogram_quantiles(before_path, after_path, name, (0.50, 0.99, 1.0))
    if count <= 0:
        print("0 nan nan nan")
        return
    print(int(count), *(ms(bound) for bound in bounds))


def cmd_round(path, round_id):
    with open(path) as f:
        rounds = json.load(f)["rounds"]
    for r in rounds:
        if r["roundId"] == round_id:
            print(*(r.get(k, 0) for k in ("launched", "admitted", "booked", "lost", "cancelled", "errors")))
            return
    print("0 0 0 0 0 0")


def cmd_heap(path):
    used = 0.0
    with open(path) as f:
        for line in f:
            if line.startswith("jvm_memory_used_bytes{") and 'area="heap"' in line:
                used += float(line.split()[-1])
    print("%.0f" % (used / 1024 / 1024))


def cmd_cpu(mark0, mark1):
    a, b = [list(map(float, s.split())) for s in (mark0, mark1)]
    dt = b[0] - a[0]
    processes = ["%.0f" % ((b[i] - a[i]) / dt * 100) for i in range(1, len(a) - 2)]
    host = "%.0f" % ((b[-2] - a[-2]) / max(1.0, b[-1] - a[-1]) * 100)
    print(*processes, host)


def cmd_results(path):
    try:
        with open(path) as f:
            r = json.load(f)
    except (OSError, ValueError):
        print("(none)")
        return
    seats, humans, bots = r.get("seats", {}), r.get("humans", {}), r.get("bots", {})
    print("seats %s/%s sold, bot bookings %s (best %s ms, median %s ms), human bookings %s" % (
        seats.get("sold"), seats.get("total"), bots.get("count"), bots.get("bestMs"), bots.get("medianMs"),
        humans.get("count")))


def labelled_counts(path, metric, keys):
    """Sums of a Prometheus counter in a scrape, by the tuple of the label values named in keys ("?" when absent)."""
    pattern = re.compile(r'^' + metric + r'\{(?P<labels>[^}]*)\}\s+(?P<value>\S+)')
    counts = {}
    with open(path) as f:
        for line in f:
            m = pattern.match(line)
            if m:
                labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group("labels")))
                key = tuple(labels.get(k, "?") for k in keys)
                counts[key] = counts.get(key, 0.0) + float(m.group("value"))
    return counts


def requests(path):
    return labelled_counts(path, "http_server_requests_seconds_count", ("method", "uri", "status"))


def cmd_requests(before_path, after_path):
    before, after = requests(before_path), requests(after_path)
    rows = sorted(((after[k] - before.get(k, 0.0), k) for k in after), reverse=True)
    print(", ".join("%s %s %s: %d" % (k[0], k[1], k[2], n) for n, k in rows if n > 0 and "actuator" not in k[1]))


def failures(path):
    return labelled_counts(path, "ticketing_bots_failures_total", ("side", "call", "cause"))


def cmd_failures(before_path, after_path):
    before, after = failures(before_path), failures(after_path)
    rows = sorted(((after[k] - before.get(k, 0.0), k) for k in after), reverse=True)
    rows = [(int(n), k) for n, k in rows if n > 0]
    for side in ("runner", "service"):
        print(side, sum(n for n, k in rows if k[0] == side))
    for n, k in rows:
        print(k[0], k[1], k[2], n)


def cmd_pool(path, port):
    values = {}
    with open(path) as f:
        for line in f:
            m = re.match(r'^reactor_netty_connection_provider_(\w+)_connections\{([^}]*)\}\s+(\S+)', line)
            if m and re.search(r'remote_address="[^"]*:%s"' % re.escape(port), m.group(2)):
                values[m.group(1)] = int(float(m.group(3)))
    print(*(values.get(k, "?") for k in ("total", "active", "idle", "pending")))


GC_LINE = re.compile(r'^\[(?P<time>[^\]]+)\].*GC\(\d+\) (?P<kind>Pause [\w ]+?)(?: \([^)]*\))*\s.*?(?P<ms>[\d.]+)ms$')


def cmd_gc(path, open_epoch, close_epoch):
    from datetime import datetime
    opens, closes = float(open_epoch), float(close_epoch)
    pauses = []
    try:
        with open(path) as f:
            for line in f:
                m = GC_LINE.match(line.strip())
                if not m:
                    continue
                at = datetime.strptime(m.group("time"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() - opens
                # the log line is written at the end of the pause: its start is earlier by its length
                ms_ = float(m.group("ms"))
                start = at - ms_ / 1000.0
                if -5.0 <= start <= closes - opens:
                    pauses.append((start, m.group("kind"), ms_))
    except OSError:
        pass

    def summary(ps):
        return "%d %.0f %.0f" % (len(ps), sum(p[2] for p in ps), max([p[2] for p in ps] or [0.0]))

    print(summary([p for p in pauses if 0.0 <= p[0] <= 3.0]), summary(pauses))
    for start, kind, ms_ in pauses:
        print("%+.2f %s %.0f" % (start, kind.replace(" ", "-"), ms_))


if __name__ == "__main__":
    commands = {"hist": cmd_hist, "round": cmd_round, "heap": cmd_heap, "cpu": cmd_cpu, "results": cmd_results,
                "requests": cmd_requests, "failures": cmd_failures,
                "pool": cmd_pool, "gc": cmd_gc}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    commands[sys.argv[1]](*sys.argv[2:])
