"""Engines: the ray engine is optional and never imported with heron; bad choices get a message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from heron.settings import Settings
from heron.shards.engines import EngineError, LocalEngine, RayEngine, make_engine


def test_heron_and_its_code_command_do_not_import_ray():
    code = "import sys, heron.cli, heron.shards, heron.shards.engines; print('ray' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_engine_choice_and_its_errors(monkeypatch):
    assert isinstance(make_engine("local", Settings()), LocalEngine)
    assert isinstance(make_engine("ray", Settings(), workers=2, address="ray://head:10001"), RayEngine)
    with pytest.raises(EngineError, match="local, ray"):
        make_engine("spark", Settings())
    with pytest.raises(EngineError, match="--engine ray"):
        make_engine("local", Settings(), address="ray://head:10001")
    monkeypatch.setitem(sys.modules, "ray", None)  # as if Ray were not installed
    with pytest.raises(EngineError, match=r"heron-events\[ray\]"):
        list(RayEngine(Settings()).run([object()]))
