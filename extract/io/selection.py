"""Which files of a folder are articles: ``--include`` / ``--exclude`` globs and the defaults.

A file found in a folder is read when its suffix is one newsgraph reads, it matches an ``--include``
glob (when any is given), and it matches no ``--exclude`` glob and no default exclusion — unless an
``--include`` glob names it. Globs match the path below the folder given (``business/*.txt``) or the
file name alone (``*.csv``), ignoring case; ``*`` crosses folders. Files named on the command line are
always read.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

#: What a data set ships beside its articles: never articles, unless an --include names them.
DEFAULT_EXCLUDE = (
    "readme*", "license*", "licence*", "copying*", "notice*", "changelog*", "changes*", "authors*",
    "contributing*", "code_of_conduct*", "citation*", "manifest*", "requirements*.txt", ".*", "*/.*",
)  # fmt: skip


def wanted(relative: str, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> bool:
    """Whether a file at ``relative`` (posix path below the folder given) is read."""
    path = relative.lower()
    name = path.rsplit("/", 1)[-1]

    def matches(patterns: tuple[str, ...]) -> bool:
        return any(fnmatchcase(path, p.lower()) or fnmatchcase(name, p.lower()) for p in patterns)

    included = matches(include)
    if include and not included:
        return False
    if matches(exclude):
        return False
    return included or not matches(DEFAULT_EXCLUDE)
