"""HTTP security headers and cookie flags on every response."""
