"""extract.run.address: what --dask accepts, checked before any work (no Dask needed)."""

from __future__ import annotations

import pytest

from extract.errors import ClusterError
from extract.run.address import parse_address


@pytest.mark.parametrize(
    ("value", "parsed"),
    [("local", ("local", None)), ("local:3", ("local", 3)), (" tcp://scheduler:8786 ", ("tcp://scheduler:8786", None)),
     ("10.0.0.5:8786", ("10.0.0.5:8786", None)), ("tls://[::1]:8786", ("tls://[::1]:8786", None)),
     ("inproc://10.0.0.5/4242/1", ("inproc://10.0.0.5/4242/1", None)), ("localhost:8786", ("localhost:8786", None)),
     ("tcp://local-scheduler:8786", ("tcp://local-scheduler:8786", None))],
)  # fmt: skip
def test_accepted_addresses(value, parsed):
    assert parse_address(value) == parsed


@pytest.mark.parametrize(
    ("value", "message"),
    [("local:0", "at least one worker"), ("local:abc", "whole number of workers"), ("local:-1", "whole number of workers"),
     ("tcp://scheduler", "not a Dask scheduler address"), ("nowhere", "not a Dask scheduler address"),
     ("tcp://scheduler:99999", "not a Dask scheduler address"), ("", "not a Dask scheduler address"),
     ("ftp://scheduler:8786", "not a Dask scheduler address"), ("inproc://a b", "not a Dask scheduler address")],
)  # fmt: skip
def test_refused_addresses_say_what_to_write(value, message):
    with pytest.raises(ClusterError, match=message):
        parse_address(value)


def test_checking_the_address_imports_neither_dask_nor_spacy():
    import subprocess
    import sys

    code = "import sys, extract.run.address; print(any(m.split('.')[0] in ('spacy', 'distributed', 'dask') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
