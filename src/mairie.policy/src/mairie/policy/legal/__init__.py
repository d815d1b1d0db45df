"""The pages the law requires, the footer that links to them, the profile's links."""
