"""extract.scoring: counts and the rates they give."""

from __future__ import annotations

import pytest

from extract.scoring import Counts


def test_rates_and_sums():
    counts = Counts(tp=3, fp=1, fn=2) + Counts(tp=1, fn=2)
    assert (counts.tp, counts.fp, counts.fn) == (4, 1, 4)
    assert counts.precision == pytest.approx(0.8) and counts.recall == pytest.approx(0.5)
    assert counts.to_dict() == {"tp": 4, "fp": 1, "fn": 4, "precision": 0.8, "recall": 0.5, "f1": 0.6154, "support": 8}
    assert Counts().precision == Counts().recall == Counts().f1 == 0.0
