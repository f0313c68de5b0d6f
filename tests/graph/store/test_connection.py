"""graph.store.connection: settings, connecting, driver errors in words."""

from __future__ import annotations

from unittest.mock import MagicMock

import neo4j
import pytest
from neo4j import exceptions as driver_errors

from graph.errors import CypherError, Neo4jAuthError, Neo4jUnavailableError
from graph.store import Settings, connect, translate_errors


def _server_error(code: str, message: str) -> Exception:
    return driver_errors.Neo4jError._hydrate_neo4j(code=code, message=message)


@pytest.mark.parametrize(
    ("raised", "expected", "says"),
    [
        (driver_errors.ServiceUnavailable("Couldn't connect"), Neo4jUnavailableError, "neo4j-local.sh start"),
        (_server_error("Neo.ClientError.Security.Unauthorized", "authentication failure"), Neo4jAuthError, "NEO4J_PASSWORD"),
        (_server_error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATHC'"), CypherError, "Invalid input 'MATHC'"),
        (_server_error("Neo.ClientError.Statement.ParameterMissing", "Expected parameter(s): name"), CypherError, "name"),
    ],
)
def test_driver_errors_become_clear_newsgraph_errors(raised, expected, says):
    with pytest.raises(expected, match=r"(?s).*" + says.replace("(", r"\(").replace(")", r"\)")):
        with translate_errors("bolt://127.0.0.1:7687", "neo4j"):
            raise raised


def test_connect_closes_the_driver_when_the_server_is_unreachable(monkeypatch):
    driver = MagicMock(spec=neo4j.Driver)
    driver.verify_connectivity.side_effect = driver_errors.ServiceUnavailable("refused")
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", MagicMock(return_value=driver))
    with pytest.raises(Neo4jUnavailableError, match="bolt://10.0.0.1:7687"):
        connect(Settings("bolt://10.0.0.1:7687", "neo4j", "pw"))
    driver.close.assert_called_once()


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687", ""])
def test_connect_refuses_non_bolt_addresses(uri):
    with pytest.raises(Neo4jUnavailableError, match="bolt://"):
        connect(Settings(uri, "neo4j", "pw"))


def test_settings_come_from_the_environment():
    env = {"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p"}
    assert Settings.from_env(env) == Settings("bolt://db:7687", "u", "p")
    assert Settings.from_env({}).uri == "bolt://127.0.0.1:7687"
