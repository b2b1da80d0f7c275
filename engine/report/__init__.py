"""Reporters: a deterministic JSON document first; text and HTML render from it."""
