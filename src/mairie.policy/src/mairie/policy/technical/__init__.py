"""The agency's tools, kept from the commune's staff (see also rolemap.xml, controlpanel.xml)."""
