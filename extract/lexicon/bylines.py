"""Words of a byline that are not the author's name: jobs, desks and credits ("By Ana Ruiz, Staff Writer").

Data only, read by ``extract.io.metadata``. Built from the occupation and staff lists and the words that
only bylines use.
"""

from __future__ import annotations

from extract.lexicon.bodies import STAFF_NOUNS
from extract.lexicon.roles import OCCUPATIONS

#: Byline words that only newsrooms use.
NEWSROOM_WORDS = frozenset({
    "writers", "editor", "editors", "journalist", "journalists", "contributor", "contributors",
    "columnist", "columnists", "correspondents", "reporters", "producers", "photographers", "desk",
    "newsroom", "team", "special", "freelance", "senior", "associate", "contributing", "wire", "services",
    "photos", "photography", "video", "interview", "published", "updated", "posted", "news",
})  # fmt: skip
#: A byline part holding one of these is a job or a credit, not a name.
BYLINE_ROLE_WORDS = NEWSROOM_WORDS | OCCUPATIONS | STAFF_NOUNS
