"""dateline from Python, as the README shows it: `dateline.extract(path)` in a loop, beside the stage modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def test_dateline_extract_stays_callable_once_the_extraction_stages_are_imported(tmp_path: Path) -> None:
    # The stages' package was once named dateline.extract: the first extraction imported it, its module took the
    # name of the function, and a second `dateline.extract(path)` failed with "'module' object is not callable".
    script = (
        "import dateline\n"
        "import dateline.extraction.decide as decide\n"  # what the first extraction imports
        "assert decide.__name__ == 'dateline.extraction.decide'\n"
        "try:\n"
        f"    dateline.extract({str(tmp_path / 'missing.txt')!r})\n"
        "except dateline.pipeline.InputError as err:\n"
        "    print('InputError:', err.reason)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(SRC)},
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "InputError: no such file or directory"

