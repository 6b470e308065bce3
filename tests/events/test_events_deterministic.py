"""The same text codes the same in every process: no choice may follow Python's per-process
string hashing (set iteration order)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

SCRIPT = """
import json
from heron.pipeline import code_text
text = ("French police used tear gas against protesters in Paris on Saturday. "
        "Rebels fired rockets at the base near Kandahar on Monday, and the army hit back at them.")
print(json.dumps([(e.source_code, e.cameo_code, e.target_code, e.trigger, e.reason) for e in code_text(text).events]))
"""


def _run(seed: str) -> list:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    out = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_coding_does_not_depend_on_the_hash_seed():
    first = _run("1")
    assert first and any(t == "used gas against" for _s, _c, _t2, t, _r in first)
    assert _run("2") == first
    assert _run("3") == first
