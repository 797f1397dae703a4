#!/usr/bin/env python3
"""Where a process's CPU went, from a dotnet-trace sampled-thread-time trace converted to Speedscope
(scripts/bench-ingest.sh --trace DIR writes DIR/listener.speedscope.json): only samples of running threads
(the CPU_TIME leaf) count; prints the top methods by exclusive and inclusive share.

    scripts/trace-top.py DIR/listener.speedscope.json [N]
"""
import collections
import json
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    with open(sys.argv[1]) as f:
        trace = json.load(f)
    frames = [frame["name"] for frame in trace["shared"]["frames"]]
    exclusive, inclusive, total = collections.Counter(), collections.Counter(), 0.0
    for profile in trace["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and len(stack) > 1 and frames[stack[-1]] == "CPU_TIME":
                names = [frames[i] for i in stack[:-1]]
                exclusive[names[-1]] += at - last
                for name in set(names):
                    inclusive[name] += at - last
                total += at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                while stack and stack[-1] != event["frame"]:
                    stack.pop()
                if stack:
                    stack.pop()
    if total == 0:
        sys.exit("no CPU samples in the trace")
    short = lambda name: name.split("!", 1)[-1][:150]
    print(f"CPU sampled: {total / 1000:.1f} s")
    print("exclusive:")
    for name, value in exclusive.most_common(top):
        print(f"{value / total * 100:5.1f}% {short(name)}")
    print("inclusive (our code):")
    ours = [(n, v) for n, v in inclusive.items() if n.startswith("Logistics.")]
    for name, value in sorted(ours, key=lambda item: -item[1])[:top]:
        print(f"{value / total * 100:5.1f}% {short(name)}")


if __name__ == "__main__":
    main()
