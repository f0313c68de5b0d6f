"""Fixtures of the extraction runners' tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def rules_fail_on_maternity(monkeypatch):
    """The rules raise on one example article, as a rule bug would (in this process only)."""
    from extract.run import serial

    real = serial.extract_doc

    def flaky(doc, article):
        if article.id.endswith("maternity-pay.txt"):
            raise ValueError("token 7 is in two spans")
        return real(doc, article)

    monkeypatch.setattr(serial, "extract_doc", flaky)
