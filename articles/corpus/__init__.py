"""A deterministic synthetic archive for measuring pages at newsroom scale (`manage.py generate_corpus`)."""
