"""Building blocks for the demo content: trilingual strings and translation through
wagtail-localize, so demo translations behave exactly like an editor's (synced, updatable
in the translation editor)."""
