"""Hosting many communes: domains, the HTTP front (nginx, Varnish) and its cache rules."""
