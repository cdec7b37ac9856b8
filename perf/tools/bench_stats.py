#!/usr/bin/env python3
"""Small analysis helpers of perf/booking-bench.sh (standard library only).

  bench_stats.py percentiles FILE             numbers (one per line) → "n p50 p99 max min"
  bench_stats.py prom-hist BEFORE AFTER NAME  Prometheus scrapes → "n p50 p99" upper bounds (ms) of the histogram NAME
                                              (seconds) from the bucket increase between the two scrapes
  bench_stats.py prom-mean BEFORE AFTER NAME  Prometheus scrapes → "n mean" of the summary/histogram NAME between them
  bench_stats.py jfr-cpu SAMPLES_TXT             `jfr print --events jdk.ExecutionSample` output → where the sampled CPU went:
                                              per library (the leafmost frame outside the JDK) and per thread group
  bench_stats.py holds TTL_MS SEATS_JSON QUERY_EPOCH LOST RECORDS...
                                              contended-holds check: every 201 hold ("seatId holdId expiresAt" lines)
                                              against the others of its seat and the seat map read after the run;
                                              LOST holds never answered may explain as many HELD seats without a 201
"""
import datetime
import json
import math
import re
import sys


def percentile(sorted_values, q):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[rank - 1]


def cmd_percentiles(path):
    with open(path) as f:
        values = sorted(float(line) for line in f if line.strip())
    if not values:
        print("0 nan nan nan nan")
        return
    print(len(values), percentile(values, 0.50), percentile(values, 0.99), values[-1], values[0])


BUCKET = re.compile(r'^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)_bucket\{(?P<labels>[^}]*)\}\s+(?P<value>\S+)')


def buckets(path, name):
    totals = {}
    with open(path) as f:
        for line in f:
            m = BUCKET.match(line)
            if not m or m.group("name") != name:
                continue
            le = re.search(r'le="([^"]+)"', m.group("labels")).group(1)
            bound = math.inf if le == "+Inf" else float(le)
            totals[bound] = totals.get(bound, 0.0) + float(m.group("value"))
    return totals


def histogram_quantiles(before_path, after_path, name, quantiles):
    """The increase of histogram NAME between two Prometheus scrapes → (count, [upper bound in seconds of the bucket
    each quantile falls in]); (0, []) when nothing was recorded in between. Also used by bot-bench-stats.py."""
    before, after = buckets(before_path, name), buckets(after_path, name)
    delta = sorted((bound, after[bound] - before.get(bound, 0.0)) for bound in after)
    count = delta[-1][1] if delta else 0
    if count <= 0:
        return 0, []

    def bound_for(q):
        for bound, cumulative in delta:
            if cumulative >= q * count:
                return bound
        return math.inf

    return count, [bound_for(q) for q in quantiles]


def cmd_prom_hist(before_path, after_path, name):
    count, bounds = histogram_quantiles(before_path, after_path, name, (0.50, 0.99))
    if count <= 0:
        print("0 nan nan")
        return
    print(int(count), bounds[0] * 1000.0, bounds[1] * 1000.0)


def sample(path, name):
    """The value of the unlabelled-or-summed sample NAME (e.g. x_count) of one scrape; 0 when absent."""
    total = 0.0
    with open(path) as f:
        for line in f:
            if line.startswith(name + "{") or line.startswith(name + " "):
                total += float(line.rsplit(" ", 1)[1])
    return total


def cmd_prom_mean(before_path, after_path, name):
    count = sample(after_path, name + "_count") - sample(before_path, name + "_count")
    total = sample(after_path, name + "_sum") - sample(before_path, name + "_sum")
    print(int(count), total / count if count > 0 else float("nan"))


LIBRARIES = [
    ("ES256 (EC math)", ("sun.security.ec.", "sun.security.util.math.")), ("TLS/crypto", ("sun.security.", "javax.crypto.",
    "com.sun.crypto.")), ("nimbus-jose-jwt", ("com.nimbusds.",)), ("Netty", ("io.netty.",)), ("Redisson", ("org.redisson.",)),
    ("Jackson", ("tools.jackson.", "com.fasterxml.")), ("Tomcat", ("org.apache.coyote.", "org.apache.tomcat.",
    "org.apache.catalina.")), ("Micrometer", ("io.micrometer.",)), ("resilience4j", ("io.github.resilience4j.",)),
    ("Spring", ("org.springframework.",)), ("AWS SDK", ("software.amazon.",)), ("spring-cloud-aws", ("io.awspring.",)),
    ("MySQL driver", ("com.mysql.",)), ("Hikari", ("com.zaxxer.",)), ("booking/shared", ("dev.ticketingwarrior.",)),
]


def library(frame):
    for name, prefixes in LIBRARIES:
        if frame.startswith(prefixes):
            return name
    return None


def cmd_jfr_cpu(path):
    with open(path) as f:
        events = f.read().split("jdk.ExecutionSample")[1:]
    libraries, groups, n = {}, {}, 0
    for event in events:
        frames = re.findall(r"^\s+([\w$./<>]+)\(", event, re.M)
        if not frames:
            continue
        n += 1
        lib = next((name for name in map(library, frames) if name), "JDK/other")
        libraries[lib] = libraries.get(lib, 0) + 1
        m = re.search(r'sampledThread = "([^"]*)"', event)
        group = re.sub(r"[-#]?\d+", "", m.group(1)) if m else "?"
        groups[group] = groups.get(group, 0) + 1
    if n == 0:
        print("no samples")
        return

    def top(counts, k):
        return ", ".join("%s %.0f%%" % (name, 100.0 * c / n) for name, c in
                         sorted(counts.items(), key=lambda kv: -kv[1])[:k])

    print("%d samples; by library: %s" % (n, top(libraries, 10)))
    print("by thread: %s" % top(groups, 6))


def parse_instant(text):
    """ISO-8601 instant as Jackson writes it (…Z, up to nanoseconds) → epoch seconds."""
    m = re.match(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$", text)
    if not m:
        raise ValueError("not an instant: " + text)
    base = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(tzinfo=datetime.timezone.utc)
    fraction = float("0." + m.group(2)) if m.group(2) else 0.0
    return base.timestamp() + fraction


def cmd_holds(ttl_ms, seats_json, query_epoch, lost, record_paths):
    ttl = float(ttl_ms) / 1000.0
    query = float(query_epoch)
    # a successor's expiresAt = its "now" (read just before its lock call) + TTL, and its lock call can only succeed
    # after the previous lease ran out: successive claims of a seat are >= TTL apart, minus that short gap
    tolerance = min(1.0, ttl / 4)
    records, bad_lines = [], 0
    for path in record_paths:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) != 3 or "?" in parts:
                    bad_lines += 1
                    continue
                records.append((parts[0], parts[1], parse_instant(parts[2])))
    unique_ids = len({holdId for _, holdId, _ in records})
    by_seat = {}
    for seat, holdId, expires in records:
        by_seat.setdefault(seat, []).append(expires)
    overlaps, min_gap = 0, math.inf
    for expiries in by_seat.values():
        expiries.sort()
        for a, b in zip(expiries, expiries[1:]):
            gap = b - a
            min_gap = min(min_gap, gap)
            if gap < ttl - tolerance:
                overlaps += 1
    with open(seats_json) as f:
        seat_map = json.load(f)
    status = {}
    for s in seat_map["seats"]:
        status[s["status"]] = status.get(s["status"], 0) + 1
    held_seats = {s["id"] for s in seat_map["seats"] if s["status"] == "HELD"}
    live = {}
    for seat, holdId, expires in records:
        if expires > query:
            live[seat] = live.get(seat, 0) + 1
    held_unexplained = len([s for s in held_seats if live.get(s, 0) == 0])
    live_doubles = len([s for s, n in live.items() if n > 1])
    ok = (overlaps == 0 and live_doubles == 0 and held_unexplained <= int(lost) and unique_ids == len(records)
          and bad_lines == 0 and len(held_seats) + status.get("SOLD", 0) <= len(seat_map["seats"]))
    print(
        "holds-check: %s — %d holds (201) on %d seats, %d distinct ids, %d unreadable; claims of one seat less than"
        " TTL %.0f ms - %.0f ms apart: %d (closest %.0f ms)\n   seat map after the run: %s; HELD without a live 201"
        " on record: %d (holds lost in flight: %s); seats with two live 201s: %d"
        % ("OK" if ok else "FAIL", len(records), len(by_seat), unique_ids, bad_lines, ttl * 1000, tolerance * 1000,
           overlaps, (min_gap * 1000) if min_gap < math.inf else float("nan"),
           " ".join("%s %d" % kv for kv in sorted(status.items())), held_unexplained, lost, live_doubles))
    return 0 if ok else 1


def main(argv):
    if len(argv) >= 3 and argv[1] == "percentiles":
        cmd_percentiles(argv[2])
    elif len(argv) == 5 and argv[1] == "prom-hist":
        cmd_prom_hist(argv[2], argv[3], argv[4])
    elif len(argv) == 5 and argv[1] == "prom-mean":
        cmd_prom_mean(argv[2], argv[3], argv[4])
    elif len(argv) == 3 and argv[1] == "jfr-cpu":
        cmd_jfr_cpu(argv[2])
    elif len(argv) >= 7 and argv[1] == "holds":
        return cmd_holds(argv[2], argv[3], argv[4], argv[5], argv[6:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
