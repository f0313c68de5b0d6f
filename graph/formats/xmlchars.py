"""Text as XML 1.0 can hold it, for the XML formats (GraphML, GEXF).

XML 1.0 forbids most control characters (form feeds, NULs, vertical tabs…) even escaped, and an article
may contain them; a writer that copies them verbatim makes a file no parser opens. Each one becomes
U+FFFD, the replacement character, so the file stays valid and the place of the loss stays visible.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD.

    >>> xml_text("page\\x0cbreak")
    'page\\ufffdbreak'
    """
    return _NOT_XML.sub("\ufffd", text)
