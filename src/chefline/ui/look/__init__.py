"""How the window looks and reads: theme, colours and patterns, language, layouts that give
way."""
