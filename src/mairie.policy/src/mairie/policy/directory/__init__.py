"""The directory ("Annuaire"): associations, shops, health, schools and facilities, with a map."""
