"""The embedder's onnxruntime session, with thread settings for a machine shared with other work.

Three settings, each changing only how fast the model runs, never what it computes:
  - one intra-op thread per physical core: two hardware threads of one core share its vector units;
  - one graph node at a time (sequential, inter-op 1): MiniLM is a chain, nothing can run side by side;
  - no spinning: a thread waiting for work sleeps instead of busy-looping, so it does not keep a core from
    the other thread, from Chroma and tokenizing in this process, or from other processes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

SPINNING_KEY = "session.intra_op.allow_spinning"


def physical_cores(cpuinfo: Path = Path("/proc/cpuinfo")) -> int:
    """Cores, not hardware threads, and at most the CPUs this process may run on."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 1
    try:
        text = cpuinfo.read_text()
    except OSError:
        return usable
    cores: set[tuple[str, str]] = set()
    phys = core = None
    # /proc/cpuinfo is one block per hardware thread, blocks separated by a blank line; a core is a
    # (physical id, core id) pair, repeated in the blocks of its hyper-threads.
    for line in text.splitlines() + [""]:
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "physical id":
            phys = value.strip()
        elif key == "core id":
            core = value.strip()
        elif not line.strip() and core is not None:
            cores.add((phys or "0", core))
            phys = core = None
    return max(1, min(len(cores) or usable, usable))


def session_options(threads: int | None = None) -> Any:
    """SessionOptions for the embedder: `threads` intra-op threads (default: physical cores), no spinning."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    opts.intra_op_num_threads = threads or physical_cores()
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.add_session_config_entry(SPINNING_KEY, "0")
    return opts
