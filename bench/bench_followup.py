"""What reading a follow-up in its conversation adds to an answer: the time of `Assistant.read` per turn.

    python bench/bench_followup.py                  # writes bench/results/followup.md and followup.png
    python bench/bench_followup.py --rounds 1       # a quick look

Every turn of tests/data/conversations_dev.jsonl is read with the turns before it (and the answers they got) as
history, in one process with the caches off, for several rounds after one untimed round: follow-ups (turns after
the first) and, for comparison, the same questions read without history (which costs nothing but the check that
there is none). The uncached answer itself is timed too, so the page shows the share resolving adds.
"""

from __future__ import annotations

import argparse
import time

import record

CONVERSATIONS = record.ROOT / "tests" / "data" / "conversations_dev.jsonl"


def measure(rounds: int, limit: int | None) -> dict[str, list[float]]:
    from assistant.core import Assistant
    from assistant.evaluate import read_conversations
    from assistant.settings import Settings

    assistant = Assistant.load(Settings(cache_size=0))
    conversations = read_conversations(CONVERSATIONS)[:limit]
    turns = []  # (question, history) of every follow-up
    for conversation in conversations:
        history = []
        for position, turn in enumerate(conversation.turns):
            answer = assistant.ask(turn.q, history=history)
            if position:
                turns.append((turn.q, list(history)))
            history.append({"question": turn.q, "answer": answer})
    record.log(f"{len(turns)} follow-ups from {len(conversations)} conversations")
    for question, history in turns:  # untimed: mecab, wordfreq and the lexicon warm up
        assistant.read(question, history)
    times: dict[str, list[float]] = {"resolve": [], "resolve (the cue alone)": [], "answer": []}
    for _ in range(rounds):
        for question, history in turns:
            t0 = time.perf_counter()
            reading = assistant.read(question, history)
            t1 = time.perf_counter()
            assistant.follow_ups.cue(question)
            t2 = time.perf_counter()
            assistant.ask(reading.question)
            t3 = time.perf_counter()
            times["resolve"].append(t1 - t0)
            times["resolve (the cue alone)"].append(t2 - t1)
            times["answer"].append(t3 - t2)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="timed rounds over every follow-up")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N conversations")
    parser.add_argument("--out-dir", default=str(record.RESULTS), help="where to write followup.md and followup.png")
    args = parser.parse_args()
    command = "python bench/bench_followup.py" + (f" --rounds {args.rounds}" if args.rounds != 20 else "")
    page = record.Page("followup", "Reading follow-up questions", command, args.out_dir)
    times = measure(args.rounds, args.limit)
    rows = []
    for name, values in times.items():
        ms = [v * 1000 for v in values]
        rows.append([name, len(ms), f"{record.percentile(ms, 50):.3f}", f"{record.percentile(ms, 95):.3f}", f"{max(ms):.3f}"])
    page.add("Time per follow-up turn, in milliseconds (caches off; `answer` is the uncached answer to the resolved "
             "question, for scale). Target: resolving adds under 2 ms.", "")
    page.table(["step", "timings", "median ms", "p95 ms", "max ms"], rows)
    plt = record.pyplot()
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.boxplot([[v * 1000 for v in times[k]] for k in times], vert=False, showfliers=False)
    ax.set_yticks(range(1, len(times) + 1), list(times))
    ax.set_xscale("log")
    ax.set_xlabel("ms per follow-up (log scale)")
    page.save_chart(fig)
    page.add("![Time per follow-up](followup.png)")
    return page.publish()


if __name__ == "__main__":
    raise SystemExit(main())
