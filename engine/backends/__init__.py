"""Engines that evaluate compiled rules. Only `backends.durable` knows durable_rules."""
