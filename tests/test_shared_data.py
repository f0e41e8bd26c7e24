"""Tests that read the project's shared evaluation data (../shared) skip, naming the file, when it is absent."""

from __future__ import annotations

import pytest

from tests.conftest import shared_file


def test_a_missing_shared_file_skips_and_names_the_file() -> None:
    with pytest.raises(pytest.skip.Exception, match=r"no-such-gold\.json is absent \(the shared evaluation data"):
        shared_file("reference", "no-such-gold.json")

