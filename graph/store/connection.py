"""Connecting to Neo4j: settings from the environment, a verified driver, and driver errors turned into
newsgraph errors that say what to do next."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import neo4j
from neo4j import exceptions as driver_errors

from graph.errors import START_HINT, CypherError, Neo4jAuthError, Neo4jError, Neo4jUnavailableError

DEFAULT_URI = "bolt://127.0.0.1:7687"


DEFAULT_USER = "neo4j"


#: Bolt only: the driver's HTTP mode is a preview with extra dependencies.
BOLT_SCHEMES = ("bolt", "neo4j", "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Settings:
    """Where the server is and who we are; read from NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = ""

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        return cls(env.get("NEO4J_URI", DEFAULT_URI), env.get("NEO4J_USER", DEFAULT_USER), env.get("NEO4J_PASSWORD", ""))


@contextmanager
def translate_errors(uri: str = "", user: str = "") -> Iterator[None]:
    """Driver exceptions → newsgraph errors that say what to do next."""
    where = f"Neo4j at {uri}" if uri else "Neo4j"
    try:
        yield
    except driver_errors.AuthError as error:
        raise Neo4jAuthError(
            f"{where} refused user {user or '(configured)'!r}: {error.message or 'wrong user name or password'}. "
            "Use the NEO4J_USER / NEO4J_PASSWORD that `scripts/neo4j-local.sh start` prints (or --user/--password)."
        ) from None
    except (driver_errors.ServiceUnavailable, driver_errors.SessionExpired) as error:
        raise Neo4jUnavailableError(f"cannot reach {where}: {error}; {START_HINT}") from None
    except driver_errors.ConfigurationError as error:
        raise Neo4jUnavailableError(f"bad Neo4j address {uri!r}: {error} (expected e.g. {DEFAULT_URI})") from None
    except driver_errors.Neo4jError as error:
        code = error.code or ""
        if ".Security." in code:
            raise Neo4jAuthError(f"{where} refused the request: {error.message} ({code})") from None
        if code.startswith("Neo.ClientError."):
            raise CypherError(f"Neo4j rejected the query: {error.message} ({code})") from None
        raise Neo4jError(f"{where} failed: {error.message} ({code})") from None
    except driver_errors.DriverError as error:
        raise Neo4jError(f"{where}: {error}") from None


def connect(settings: Settings) -> neo4j.Driver:
    """A verified driver for ``settings``; the caller closes it."""
    scheme = settings.uri.partition("://")[0] if "://" in settings.uri else ""
    if scheme not in BOLT_SCHEMES:
        raise Neo4jUnavailableError(
            f"bad Neo4j address {settings.uri!r}: expected {' or '.join(s + '://' for s in BOLT_SCHEMES[:2])}… "
            f"(e.g. {DEFAULT_URI})"
        )
    with translate_errors(settings.uri, settings.user):
        try:
            driver = neo4j.GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password))
            try:
                driver.verify_connectivity()
            except BaseException:
                driver.close()
                raise
        except ValueError as error:  # the driver's word for an unresolvable host or a bad port
            raise Neo4jUnavailableError(f"cannot reach Neo4j at {settings.uri}: {error}; {START_HINT}") from None
    return driver
