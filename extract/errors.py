"""Every error newsgraph raises on purpose, in one place.

Library code raises these; only the CLI turns them into messages and exit codes.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: a problem the user can fix, with a message that says how."""


class InputError(NewsgraphError):
    """An input file (or one line of it) cannot be read as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # Rebuilt from its parts (not the message) when it travels back from an extraction worker.
        return type(self), (self.path, self.reason, self.line)


class NoArticleError(InputError):
    """A web page holds no article (an index, video, error, login or consent page, or too little text)."""


class FetchError(InputError):
    """A page or feed could not be fetched (unreachable host, HTTP error, timeout, robots.txt disallows)."""


class OutputError(NewsgraphError):
    """An output target (a file or folder to write) cannot be used: it is the wrong kind or not writable."""

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class ModelNotFoundError(NewsgraphError):
    """No spaCy pipeline of the requested name is installed."""


class ExtractionFileError(InputError):
    """A line of an extraction file (``newsgraph extract`` output) is not in the documented format."""


class ArticleFailedError(InputError):
    """The rules failed on one article (a newsgraph bug): it is reported and skipped, the rest goes on."""


class WorkerError(NewsgraphError):
    """An extraction worker process died (out of memory, killed) before returning its articles."""


class ClusterError(NewsgraphError):
    """A Dask cluster cannot be reached or used (no scheduler at the address, no workers, a worker without the model)."""


class EvaluationDataError(NewsgraphError):
    """A benchmark file (e.g. a CoNLL04 SPLIT.json) is missing or not in the expected format."""


class MergeRulesError(NewsgraphError):
    """A merges file (forced and forbidden merges) cannot be read or has a bad line."""

    def __init__(self, path: str, line: int | None, reason: str):
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path or '<merges>'}:{line}" if line is not None else path or "<merges>"
        super().__init__(f"{where}: {reason}")
