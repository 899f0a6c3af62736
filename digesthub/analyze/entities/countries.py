"""Names of countries (general world knowledge, lower case).

A country's national side is still written as the country ("France beat
Italy 2-1") and annotated as a place, while a city's or a county's club is an
organization ("Leeds beat Norwich"). The sports rules need to tell the two apart,
and a country's name votes for a place wherever it occurs.
"""

from __future__ import annotations

from digesthub.analyze.entities.candidate import PATTERN_WEIGHT, Candidate
from digesthub.analyze.entities.voting import name_key

COUNTRIES: frozenset[str] = frozenset("""
afghanistan albania algeria andorra angola antigua argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo
croatia cuba cyprus denmark djibouti dominica ecuador egypt england eritrea estonia eswatini
ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana
haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kazakstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
libya liechtenstein lithuania luxembourg macedonia madagascar malawi malaysia maldives mali malta
mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar
namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine
panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine
uruguay uzbekistan vanuatu venezuela vietnam yemen yugoslavia zambia zimbabwe scotland wales britain
""".split()) | frozenset({
    "united states", "u.s.", "us", "usa", "u.s.a.", "united kingdom", "uk", "u.k.", "great britain",
    "south africa", "south korea", "north korea", "new zealand", "saudi arabia", "sri lanka",
    "costa rica", "el salvador", "ivory coast", "czech republic", "dominican republic", "faroe islands",
    "northern ireland", "republic of ireland", "united arab emirates", "uae", "hong kong", "puerto rico",
    "papua new guinea", "sierra leone", "east timor", "cape verde", "san marino", "soviet union", "ussr",
    "west germany", "east germany", "bosnia and herzegovina", "trinidad and tobago", "equatorial guinea",
    "guinea-bissau", "burkina faso", "central african republic", "solomon islands", "marshall islands",
})


# Country names that are as often people's names.
_ALSO_NAMES = frozenset({"jordan", "chad", "georgia", "israel", "us"})


def add_country_votes(candidates: list[Candidate]) -> None:
    """A country's name is a place (the model sometimes calls one a company, "Belarus" in a
    results list); a strong vote, so one wrong guess does not carry the name."""
    for candidate in candidates:
        key = name_key(candidate.text)
        if key in COUNTRIES and key not in _ALSO_NAMES:
            candidate.vote("GPE", PATTERN_WEIGHT)


def is_country(key: str) -> bool:
    """True for a country's name (``key``: lower case, "the" dropped)."""
    return key in COUNTRIES
