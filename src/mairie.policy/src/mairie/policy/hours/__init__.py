"""Opening hours: one behavior, one schedule, one fragment, for every place that has hours."""
