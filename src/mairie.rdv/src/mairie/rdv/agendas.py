"""The agendas of a commune's site (usually one), whoever asks (commands, the ANTS)."""


def agendas(site) -> list:
    brains = site.portal_catalog.unrestrictedSearchResults(
        portal_type="mairie.Agenda", sort_on="path"
    )
    return [brain._unrestrictedGetObject() for brain in brains]
