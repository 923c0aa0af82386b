"""Developer tools: building translations, taking screenshots."""
