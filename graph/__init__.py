"""The data model → networkx → Neo4j, HTML snapshots and graph files."""
