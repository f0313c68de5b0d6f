"""Input and output: files, folders, JSON Lines and HTML → ``Article``; extractions to and from JSON Lines;
atomic writes."""
