"""Fact sources: each adapter turns one input format into a validated FactBundle."""
