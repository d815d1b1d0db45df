"""What the citizens' forms share: one way of showing their errors."""
