"""Online requests (saisine par voie électronique, CRPA L112-8): an EasyForm action."""
