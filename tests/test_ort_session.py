"""The embedder's onnxruntime session settings (index/ort_session.py)."""

from __future__ import annotations

from pathlib import Path

from index.ort_session import SPINNING_KEY, physical_cores, session_options


def _cpuinfo(tmp_path: Path, pairs: list[tuple[int, int]]) -> Path:
    blocks = [f"processor\t: {n}\nphysical id\t: {p}\ncore id\t\t: {c}\n" for n, (p, c) in enumerate(pairs)]
    path = tmp_path / "cpuinfo"
    path.write_text("\n".join(blocks))
    return path


def test_physical_cores_counts_cores_not_hyper_threads(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(8)))
    # 8 hardware threads: 2 sockets x 2 cores x 2 threads -> 4 cores.
    assert physical_cores(_cpuinfo(tmp_path, [(0, 0), (0, 1), (1, 0), (1, 1)] * 2)) == 4
    assert physical_cores(_cpuinfo(tmp_path, [(0, c) for c in range(8)])) == 8
    # Never more than the CPUs this process may run on; no cpuinfo: those CPUs.
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1})
    assert physical_cores(_cpuinfo(tmp_path, [(0, c) for c in range(8)])) == 2
    assert physical_cores(tmp_path / "missing") == 2


def test_session_options_sleep_instead_of_spinning() -> None:
    import onnxruntime as ort

    opts = session_options(3)
    assert opts.intra_op_num_threads == 3
    assert opts.inter_op_num_threads == 1
    assert opts.execution_mode == ort.ExecutionMode.ORT_SEQUENTIAL
    assert opts.get_session_config_entry(SPINNING_KEY) == "0"
    assert session_options().intra_op_num_threads == physical_cores()
