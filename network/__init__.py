"""De Circulaire Aankopers: project package (settings, URLs) and the community app."""
