"""Worker processes: as many as the container lets this process use, never more."""

import os

import pytest

from kaartenbak import workers


@pytest.mark.parametrize("quota, expected", [("50000 100000", 1), ("150000 100000", 2), ("max 100000", None)])
def test_a_container_cpu_quota_caps_the_workers(tmp_path, monkeypatch, quota, expected):
    (tmp_path / "cpu.max").write_text(quota + "\n")
    monkeypatch.setattr(workers, "CPU_QUOTA", tmp_path / "cpu.max")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(16)))
    assert workers.cores() == (expected or 16)
