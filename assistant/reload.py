"""Live reload: keep one Assistant in service and replace it whole when the index on disk is rebuilt (or on SIGHUP)."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import signal
import threading
import time
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from .settings import Settings

log = logging.getLogger("docker_qa.reload")

MANIFEST = "manifest.json"


def index_identity(index_dir: Path) -> tuple | None:
    """What tells one build at `index_dir` from the next: the folder's and its manifest's inode, mtime and size.

    `docker-qa index build` swaps a finished folder into place in one rename, so a new identity means a complete
    new index (or a manifest edited in place); None while there is no index there.
    """
    try:
        folder = os.stat(index_dir)
        manifest = os.stat(Path(index_dir) / MANIFEST)
    except OSError:
        return None
    return (folder.st_dev, folder.st_ino, manifest.st_ino, manifest.st_mtime_ns, manifest.st_size)


def manifest_id(manifest) -> str:
    """A short hash naming one build: its whole manifest (corpus, assets, embedder, build time)."""
    data = json.dumps(asdict(manifest), sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(data).hexdigest()[:12]


def built_timestamp(manifest) -> float:
    """The manifest's build time as seconds since the epoch (0 when it cannot be read)."""
    import calendar

    try:
        return float(calendar.timegm(time.strptime(manifest.built_at, "%Y-%m-%dT%H:%M:%SZ")))
    except (TypeError, ValueError):
        return 0.0


class IndexReloader:
    """Holds the Assistant in service; loads a rebuilt index beside it, checks it fully, then swaps the reference.

    A request holds the assistant it started with until it ends, so it never sees half of two indexes; each
    Assistant has its own caches, so after the swap no answer of the old index is served. A new index that does not
    load (missing, damaged, built by another embedder) is refused with one log line and the old one keeps serving.
    """

    def __init__(
        self,
        settings: Settings,
        assistant=None,
        *,
        on_swap: Callable[[object], None] | None = None,
        on_refused: Callable[[str], None] | None = None,
    ):
        self.settings = settings
        self._assistant = assistant
        self.on_swap = on_swap
        self.on_refused = on_refused
        # An assistant handed in is taken to be the index on disk now.
        self._seen = index_identity(settings.index_dir) if assistant is not None else None
        self.loaded_at = time.time() if assistant is not None else 0.0
        self.last_refusal: str | None = None
        self._lock = threading.Lock()  # one load at a time
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._watch = False
        self._interval = settings.reload_interval

    @property
    def assistant(self):
        """The assistant in service (None until an index has loaded)."""
        return self._assistant

    def load_initial(self):
        """Load the index named by the settings (errors raised as they are); the start-up load of a surface."""
        from .core import Assistant

        with self._lock:
            before = index_identity(self.settings.index_dir)
            self._seen = before
            assistant = Assistant.load(self.settings)
            self._assistant = assistant
            self.loaded_at = time.time()
            return assistant

    def check(self) -> bool:
        """Reload when the index on disk is another build than the last one tried; True when a new one went in."""
        if index_identity(self.settings.index_dir) == self._seen:
            return False
        return self.reload("the index on disk changed")

    def reload(self, reason: str = "asked to") -> bool:
        """Load the index on disk beside the one in service and swap it in if it loads; True when it did."""
        from .core import Assistant

        with self._lock:
            before = index_identity(self.settings.index_dir)
            old = self._assistant
            try:
                new = Assistant.load(self.settings, embedder=getattr(old, "embedder", None))
            except Exception as exc:  # noqa: BLE001 - whatever a bad index raises, the old one keeps serving
                if index_identity(self.settings.index_dir) != before:
                    return False  # swapped again while being read: the next check loads the newest build
                self._seen = before
                self._refuse(reason, exc)
                return False
            if index_identity(self.settings.index_dir) != before:
                return False  # read while another build was swapped in: possibly a mix; the next check loads it
            warmed = self._warm(old, new)
            self._seen = before
            self._assistant = new  # the swap: one reference assignment
            self.loaded_at = time.time()
            self.last_refusal = None
            if self.on_swap:
                self.on_swap(new)
            if old is not None and hasattr(old, "clear_caches"):
                old.clear_caches()  # requests still holding it recompute; nothing new is served from it
        manifest = new.index.manifest
        log.info(
            "index reloaded (%s): %s, %d chunks, built %s, id %s; %d recent questions answered from it before the swap",
            reason, self.settings.index_dir, new.chunk_count, manifest.built_at, manifest_id(manifest), warmed,
        )
        return True

    def _warm(self, old, new) -> int:
        """Answer the old index's most recent questions with the new one, into the new one's cache, before the swap.

        Otherwise every connection asking a popular question misses the empty cache at once after the swap, and
        those identical computations queue behind each other (measured: a 40 s stall under 20 wrk connections).
        """
        recent = getattr(old, "recent_questions", None)
        if recent is None:
            return 0
        warmed = 0
        for question, top_k, mode in recent(self.settings.reload_warm):
            try:
                new.ask(question, top_k=top_k, mode=mode)
                warmed += 1
            except Exception:  # noqa: BLE001 - a question the new index refuses to take is simply not warmed
                continue
        return warmed

    def _refuse(self, reason: str, exc: Exception) -> None:
        message = str(exc) or exc.__class__.__name__
        serving = getattr(getattr(self._assistant, "index", None), "manifest", None)
        still = f"still serving the index built {serving.built_at}" if serving else "no index in service"
        self.last_refusal = message
        log.error("index reload refused (%s), %s: %s", reason, still, message)
        if self.on_refused:
            self.on_refused(message)

    # --- watching ---------------------------------------------------------
    def start(self, watch: bool | None = None, interval: float | None = None) -> None:
        """Start the thread that checks the manifest every `interval` seconds (when watching) and reloads on request."""
        self._watch = self.settings.reload if watch is None else watch
        self._interval = interval or self.settings.reload_interval
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="docker-qa-index-reload", daemon=True)
        self._thread.start()

    def request_reload(self) -> None:
        """Ask the watcher thread for a reload (safe from a signal handler: it only sets an event)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the watcher thread (waiting for a load in progress)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            asked = self._wake.wait(self._interval if self._watch else None)
            if self._stop.is_set():
                return
            try:
                if asked:
                    self._wake.clear()
                    self.reload("SIGHUP")
                elif self._watch:
                    self.check()
            except Exception:  # noqa: BLE001 - the watcher outlives any one failure
                log.exception("checking the index for a reload failed")


def ignore_sighup() -> None:
    """Ignore SIGHUP (whose default is to end the process) until `install_sighup` runs: for a server still starting."""
    if hasattr(signal, "SIGHUP") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGHUP, signal.SIG_IGN)


def install_sighup(reloader: IndexReloader) -> Callable[[], None]:
    """Make SIGHUP reload the index (main thread only); returns the function that puts the old handler back."""
    if not hasattr(signal, "SIGHUP") or threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGHUP, lambda signum, frame: reloader.request_reload())

    def restore() -> None:
        try:
            signal.signal(signal.SIGHUP, previous if previous is not None else signal.SIG_DFL)
        except (ValueError, TypeError):
            pass

    return restore
