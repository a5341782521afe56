"""Signal handlers of the knowledge base (workflow assignment, caches)."""
