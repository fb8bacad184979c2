"""`index build --watch`: rebuild an index whenever the posts of its source change, reusing unchanged chunks' vectors."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import DockerQAError
from .settings import Settings


@dataclass(frozen=True)
class BuildReport:
    """One build of the watcher: the manifest when it succeeded, else the one-line reason it failed."""

    manifest: object | None
    error: str | None
    embedded: int
    reused: int


def source_signature(source: Path, exclude: Path | None = None) -> tuple:
    """Names, sizes and modification times of the files of a source (hidden files such as editor swap files left out)."""
    source = Path(source)
    if source.is_file():
        stat = source.stat()
        return ((source.name, stat.st_size, stat.st_mtime_ns),)
    entries = []
    excluded = exclude.resolve() if exclude is not None else None
    for folder, dirs, files in os.walk(source):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (excluded is None or (base / d).resolve() != excluded))
        for name in sorted(files):
            if name.startswith(".") or name.endswith("~"):
                continue
            try:
                stat = (base / name).stat()
            except OSError:
                continue  # removed while listing
            entries.append((str((base / name).relative_to(source)), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


def watch_and_build(
    settings: Settings,
    source: Path,
    out: Path,
    report: Callable[[BuildReport], None],
    *,
    interval: float = 1.0,
    stop: threading.Event | None = None,
    embedder=None,
) -> None:
    """Build now, then again each time the files of `source` change and stay unchanged for `interval` seconds.

    A failed build (a broken post, an unwritable folder) is reported and leaves the index at `out` as it was; the
    watcher keeps watching. Returns when `stop` is set; Ctrl-C (KeyboardInterrupt) passes through, and a build it
    interrupts leaves nothing behind.
    """
    from .embed import load_embedder

    stop = stop or threading.Event()
    embedder = embedder or load_embedder(settings)  # once: each rebuild embeds only the chunks that changed
    signature = source_signature(source, exclude=out)
    report(_build(settings, source, out, embedder))
    while not stop.wait(interval):
        current = source_signature(source, exclude=out)
        if current == signature:
            continue
        # An editor or `git checkout` writes in steps: wait until the files hold still for one interval.
        while not stop.wait(interval):
            settled = source_signature(source, exclude=out)
            if settled == current:
                break
            current = settled
        if stop.is_set():
            return
        signature = current
        report(_build(settings, source, out, embedder))


def _build(settings: Settings, source: Path, out: Path, embedder) -> BuildReport:
    from .index import build_index

    counts = {"embedded": 0, "total": 0, "first": None}

    def progress(done: int, total: int) -> None:
        if counts["first"] is None:
            counts["first"] = done  # the chunks whose vectors came from the previous build
        counts["total"] = total

    try:
        manifest = build_index(settings, source=source, out=out, embedder=embedder, progress=progress)
    except DockerQAError as exc:
        return BuildReport(None, str(exc), 0, 0)
    except OSError as exc:  # a file removed or unreadable mid-build
        return BuildReport(None, f"{exc.filename or source}: {exc.strerror or exc}", 0, 0)
    reused = counts["first"] or 0
    return BuildReport(manifest, None, counts["total"] - reused, reused)


def timestamp() -> str:
    """The local time of day for the watcher's lines."""
    return time.strftime("%H:%M:%S")
