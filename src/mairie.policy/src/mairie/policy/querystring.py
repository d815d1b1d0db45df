"""Reading numbers from a query string that anyone can edit by hand."""


def bounded_int(value, default: int, low: int, high: int) -> int:
    """A whole number within bounds; the default when the value is unreadable."""
    try:
        return min(max(int(value), low), high)
    except (TypeError, ValueError):
        return default
