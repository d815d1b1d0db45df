"""Optional modules a commune can switch on, each an add-on of its own."""

MODULES = {
    "rdv": "mairie.rdv",
    "payfip": "mairie.payfip",
}
