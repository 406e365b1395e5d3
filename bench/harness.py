"""What every Python benchmark program shares (see harness.ts)."""
import json, math, resource, sys


def size(full):
    scale = float(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 1.0
    return max(1, round(full * scale))


def report(ms, got, expected):
    if got != expected:
        print(f"self-check failed: got {got!r}, expected {expected!r}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps({"ms": ms, "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


def report_memory(bytes_per_task, got, expected):
    """The memory workload's report: bytes per suspended task instead of a time."""
    if got != expected:
        print(f"self-check failed: got {got!r}, expected {expected!r}", file=sys.stderr)
        sys.exit(1)
    print(json.dumps({"bytesPerTask": bytes_per_task, "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}))


def seeded_delays(n, maximum):
    """The same sequence as seededDelays in harness.ts."""
    state = 12345
    out = []
    for _ in range(n):
        state = (state * 48271) % 2147483647
        out.append(math.floor(state / 2147483647 * maximum * 1000) / 1000)
    return out
