"""When a service that just started reached its steady throughput (perf/warmup-bench.sh).

Usage: warmup_stats.py <process start, epoch ms> <seconds measured> <timeline files…>
Reads the wrk timelines (perf/wrk/timeline.lua: "<epoch ms of a 100 ms bucket> <answers>") and prints one line of
key=value: first (s from the process start to the first answer), steady (answers/s: median of the 1-s throughputs of
the last 15 s), t80 (s from the process start to the end of the first of three seconds in a row that each served at
least 80 % of steady), t50 likewise at 50 %, and the per-second series.
"""
import statistics
import sys


def main():
    start_ms, seconds, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
    per_second = [0] * seconds
    first = None
    for name in files:
        with open(name) as f:
            for line in f:
                bucket, count = line.split()
                offset = (int(bucket) - start_ms) / 1000
                if offset < 0 or offset >= seconds:
                    continue
                first = offset if first is None else min(first, offset)
                per_second[int(offset)] += int(count)
    steady = statistics.median(per_second[-15:]) if seconds >= 20 else max(per_second)

    def reached(share):
        for s in range(seconds - 2):
            if min(per_second[s:s + 3]) >= share * steady:
                return s + 1  # the end of the first of three seconds in a row at that share
        return None

    t50, t80 = reached(0.5), reached(0.8)
    print(
        "first=%s steady=%.0f t50=%s t80=%s series=%s"
        % (
            "%.1f" % first if first is not None else "-",
            steady,
            t50 if t50 is not None else "-",
            t80 if t80 is not None else "-",
            ",".join(str(n) for n in per_second),
        )
    )


if __name__ == "__main__":
    main()
