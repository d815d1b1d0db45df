"""What junk requests get: a 4xx with a short French page (or JSON), never a 500."""
