"""Queries as students type them, with the cards they mean: shared by the relevance test and bench/search.py."""


# (query, the cards that must all be among the first three results)
RELEVANCE = [
    ("oudergesprek", ["soorten-oudergesprekken", "oudergesprekken-voorbereiden"]),
    ("oudergesprekken voorbereiden", ["oudergesprekken-voorbereiden"]),
    ("kennismaking", ["scenario-kennismakingsgesprek"]),
    ("kennismakingsgesprek", ["scenario-kennismakingsgesprek"]),
    ("tolk", ["scenario-gesprek-met-tolk", "rol-tolk"]),
    ("whatsapp", ["social-media"]),  # a synonym of the tag sociale media
    ("privacy", ["digitale-oudercommunicatie"]),
    ("dossier", ["verslaglegging-oudergesprekken"]),
    ("privacy verslag", ["verslaglegging-oudergesprekken"]),
    ("gescheiden ouders", ["gescheiden-ouders"]),
    ("scheiding", ["gescheiden-ouders"]),
    ("meldcode", ["zorgen-over-veiligheid"]),
    ("kindermishandeling", ["zorgen-over-veiligheid"]),
    ("mishandeling", ["zorgen-over-veiligheid"]),  # part of a compound, in another form
    ("laaggeletterd", ["laaggeletterde-ouders"]),
    ("laaggeletterde ouders", ["laaggeletterde-ouders"]),
    ("passend onderwijs", ["passend-onderwijs"]),
    ("opp", ["passend-onderwijs"]),
    ("huisbezoek", ["huisbezoek"]),
    ("ouderavond", ["ouderavond-leiden"]),
    ("mentoravond", ["ouderavond-leiden"]),
    ("klacht", ["intimidatie-en-klachten"]),
    ("ouderportaal", ["digitale-oudercommunicatie"]),
    ("portaal", ["digitale-oudercommunicatie"]),
    ("zittenblijven", ["slecht-nieuws-vo"]),
    ("doubleren", ["slecht-nieuws-vo"]),
    ("emoties", ["emoties-in-oudergesprekken"]),
    ("boze ouder", ["rol-boze-ouder", "scenario-boze-ouder-na-incident"]),
    ("gepest", ["scenario-pesten-social-media"]),
    ("schooladvies", ["scenario-schooladvies"]),
    ("interculturele communicatie", ["interculturele-communicatie-1", "interculturele-communicatie-2"]),
    ("verslag", ["verslaglegging-oudergesprekken"]),
    ("rapportgesprek", ["scenario-rapportgesprek"]),
    ("startgesprek", ["scenario-startgesprek-met-leerling"]),
    ("observeren", ["observator"]),
    ("sociale media", ["social-media"]),
    ("zwemles", ["waardenconflict"]),
    ("oudergesprkken", ["soorten-oudergesprekken"]),  # a typo: the suggestion finds it
]


def first_three(cards, query: str) -> list[str]:
    """The first three results, or those of the suggested query when the words match nothing."""
    selection = cards.select(query=query)
    if not selection.cards and selection.suggestion:
        selection = cards.select(query=selection.suggestion)
    return [card.slug for card in selection.cards[:3]]
