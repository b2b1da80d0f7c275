"""Regelkoll: statutory requirements as YAML data, evaluated with durable_rules."""

__version__ = "0.1.0"
