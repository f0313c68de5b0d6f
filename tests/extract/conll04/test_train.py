"""extract.conll04.train: the trainer never reads the test split."""

from __future__ import annotations

import pytest


def test_training_refuses_the_test_split(capsys):
    from extract.conll04.train import main

    with pytest.raises(SystemExit):
        main(["--splits", "train,test"])
    assert "test split is for reporting only" in capsys.readouterr().err
