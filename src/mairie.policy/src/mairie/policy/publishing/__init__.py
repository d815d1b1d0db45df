"""What an editor reads at the top of an item the residents cannot see yet."""
