"""extract.run.cluster on a real Dask cluster (two worker processes): the output of one process, whatever fails."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from extract.errors import ClusterError
from extract.io.ingest import read_articles
from extract.run import extract_articles, extract_on_cluster
from graph.cli import app
from tests.conftest import EXAMPLES, REPO

NEWS = REPO / "tests" / "data" / "news"
runner = CliRunner()
pytestmark = pytest.mark.dask


def run(*args):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def one_process(nlp, paths):
    errors = []
    articles = read_articles(paths, on_error=errors.append)
    return [e.to_dict() for e in extract_articles(articles, nlp=nlp, on_error=errors.append)], [str(e) for e in errors]


def on_cluster(address, paths, **options):
    errors = []
    got = [e.to_dict() for e in extract_on_cluster(paths, address=address, on_error=errors.append, **options)]
    return got, [str(e) for e in errors]


@pytest.mark.model
def test_two_dask_workers_write_exactly_what_one_process_writes(tmp_path, dask_scheduler):
    one, many = tmp_path / "one.jsonl", tmp_path / "many.jsonl"
    assert run("extract", EXAMPLES, NEWS, "-o", one).exit_code == 0
    result = run("extract", EXAMPLES, NEWS, "-o", many, "--dask", dask_scheduler)
    assert result.exit_code == 0, result.stderr
    assert len(one.read_text().splitlines()) == len(list(read_articles([EXAMPLES, NEWS])))
    assert many.read_bytes() == one.read_bytes()


@pytest.mark.model
def test_partitions_come_back_in_input_order_with_bounded_work_in_flight(nlp, dask_scheduler, monkeypatch):
    from extract.run import cluster

    made = []

    def counted(*args, **kwargs):
        for part in cluster_partitions(*args, **kwargs):
            made.append(part)
            yield part

    cluster_partitions = cluster.partitions
    monkeypatch.setattr(cluster, "partitions", counted)
    # About one article per partition, at most two in flight: both workers busy, results in order.
    stream = extract_on_cluster([NEWS, EXAMPLES], address=dask_scheduler, partition_bytes=500, max_pending=2)
    first = next(stream)
    assert len(made) == 2  # the first result came back before the rest of the input was even listed
    got = [e.to_dict() for e in [first, *stream]]
    assert len(made) >= 10 and (got, []) == one_process(nlp, [NEWS, EXAMPLES])


@pytest.mark.model
def test_a_jsonl_file_split_across_workers_gives_one_process_output_and_errors(nlp, dask_scheduler, tmp_path):
    articles = list(read_articles([EXAMPLES, NEWS]))
    lines = [json.dumps({"id": a.id, "text": a.text, "title": a.title}) for a in articles[:4]]
    lines[1:1] = ["{not json", json.dumps({"text": articles[4].text})]  # no id: named after its line
    lines += ["", json.dumps({"id": articles[0].id, "text": "A duplicate id, ranges away from the first."}), json.dumps({"title": "no text"})]
    lines += [json.dumps({"id": a.id, "text": a.text}) for a in articles[5:]]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = one_process(nlp, [path])
    assert len(expected[0]) == len(articles) and len(expected[1]) == 3 and "duplicate id" in expected[1][1]
    assert on_cluster(dask_scheduler, [path], partition_bytes=2000) == expected


@pytest.mark.model
def test_build_on_a_local_cluster_gives_the_same_files(tmp_path):
    one, many = tmp_path / "one", tmp_path / "many"
    assert run("build", EXAMPLES, "--out", one).exit_code == 0
    result = run("build", EXAMPLES, "--out", many, "--dask", "local:2")
    assert result.exit_code == 0, result.stderr
    for name in ("extraction.jsonl", "graph.json"):
        assert (many / name).read_bytes() == (one / name).read_bytes(), name


def _rules_fail_on_maternity() -> None:
    """Runs on each worker: the rules raise on one example article, as a rule bug would."""
    from extract.run import serial

    real = serial.extract_doc

    def flaky(doc, article):
        if article.id.endswith("maternity-pay.txt"):
            raise ValueError("token 7 is in two spans")
        return real(doc, article)

    flaky.real = real
    serial.extract_doc = flaky


def _rules_fixed() -> None:
    from extract.run import serial

    serial.extract_doc = getattr(serial.extract_doc, "real", serial.extract_doc)


@pytest.mark.model
def test_an_article_the_rules_fail_on_a_worker_is_reported_and_skipped(dask_client):
    dask_client.run(_rules_fail_on_maternity)
    try:
        got, errors = on_cluster(dask_client.scheduler.address, [EXAMPLES], partition_bytes=1500)
    finally:
        dask_client.run(_rules_fixed)
    assert len(got) == len(list(read_articles([EXAMPLES]))) - 1 and not any(e["doc_id"].endswith("maternity-pay.txt") for e in got)
    (error,) = errors
    assert "maternity-pay.txt: extraction failed (ValueError: token 7 is in two spans" in error


def _die_once_on(marker: str, suffix: str) -> None:
    """Runs on each worker: the first worker to reach the article ending in ``suffix`` is killed mid-partition."""
    from extract.run import serial

    real = serial.extract_doc

    def deadly(doc, article):
        if article.id.endswith(suffix) and not os.path.exists(marker):
            with open(marker, "w") as handle:
                handle.write(str(os.getpid()))
            os.kill(os.getpid(), signal.SIGKILL)
        return real(doc, article)

    deadly.real = real
    serial.extract_doc = deadly


@pytest.mark.model
def test_a_worker_killed_mid_partition_has_its_work_redone(nlp, dask_client, tmp_path):
    marker = tmp_path / "killed"
    pids = set(dask_client.run(os.getpid).values())
    dask_client.run(_die_once_on, str(marker), "harbour-strike.txt")
    try:
        got = on_cluster(dask_client.scheduler.address, [EXAMPLES, NEWS], partition_bytes=3000)
    finally:
        dask_client.run(_rules_fixed)
    assert int(marker.read_text()) in pids  # a worker did die, holding a partition
    assert got == one_process(nlp, [EXAMPLES, NEWS])
    dask_client.wait_for_workers(2, timeout=60)  # the nanny restarted it, for the next tests


def test_an_unreachable_scheduler_is_a_clear_error_naming_it(tmp_path, dask_scheduler):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    out = tmp_path / "o.jsonl"
    result = run("extract", EXAMPLES, "--dask", address, "-o", out)
    assert result.exit_code == 1
    assert f"cannot reach the Dask scheduler at {address}" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_scheduler_without_workers_is_a_clear_error(monkeypatch, dask_scheduler):
    from distributed import LocalCluster

    from extract.run import cluster

    monkeypatch.setattr(cluster, "WORKERS_TIMEOUT", 0.5)
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as empty:
        with pytest.raises(ClusterError, match=rf"{empty.scheduler_address} has no workers.*dask worker"):
            list(extract_on_cluster([EXAMPLES], address=empty.scheduler_address))


def test_workers_without_the_model_fail_clearly_before_any_work(dask_scheduler):
    with pytest.raises(ClusterError, match=r"Dask worker tcp://.* cannot load the model: spaCy pipeline 'no_such_pipeline_xyz'"):
        list(extract_on_cluster([EXAMPLES], address=dask_scheduler, model="no_such_pipeline_xyz"))


@pytest.mark.parametrize(
    ("options", "message"),
    [(["--dask", "local:2", "--workers", "2"], "cannot be combined"), (["--dask", "nowhere"], "not a Dask scheduler address"),
     (["--dask", "local:0"], "at least one worker")],
)  # fmt: skip
def test_bad_dask_options_are_refused_before_any_work(tmp_path, options, message):
    out = tmp_path / "o.jsonl"
    result = run("extract", EXAMPLES, "-o", out, *options)
    assert result.exit_code == 2 and message in result.stderr
    assert not out.exists()


@pytest.mark.model
def test_ctrl_c_stops_the_local_cluster_cleanly_and_writes_nothing(tmp_path, dask_scheduler):
    import psutil

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [a.text for a in read_articles([EXAMPLES])]
    for n in range(300):
        (corpus / f"{n:03}.txt").write_text(texts[n % len(texts)], encoding="utf-8")
    out = tmp_path / "o.jsonl"
    command = [sys.executable, "-m", "graph.cli", "extract", str(corpus), "--dask", "local:2", "-o", str(out)]
    process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.PIPE, text=True, start_new_session=True)
    def workers() -> int:
        return sum("spawn_main" in " ".join(child.cmdline()) for child in psutil.Process(process.pid).children())

    deadline = time.monotonic() + 120
    while process.poll() is None and workers() < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(3)  # models loading or partitions running
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert " ".join(stderr.split()).startswith("interrupted: stopped; what was written before is intact")
    assert not out.exists() and not list(tmp_path.glob(".o.jsonl*"))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(p.info["pid"] != os.getpid() and _group(p.info["pid"]) == process.pid for p in psutil.process_iter(["pid"])):
        time.sleep(0.2)
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no worker left behind


def _group(pid: int) -> int | None:
    try:
        return os.getpgid(pid)
    except ProcessLookupError:
        return None


def test_local_workers_keep_the_allocators_own_trim_threshold(monkeypatch):
    """Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536, which put a fifth of the parse's time in the kernel;
    a nanny also leaves it in its own process's environment (here: as an earlier cluster of this process did)."""
    from extract.run.cluster import dask_client

    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    with dask_client("local:1") as session:
        seen = session.client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(seen.values()) == [None]
