"""The rule language: the format legal staff write, its loading and checking, its JSON Schema."""
