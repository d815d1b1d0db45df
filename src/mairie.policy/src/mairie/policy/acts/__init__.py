"""Council sessions, acts and their legal electronic publication (CGCT L2131-1)."""
