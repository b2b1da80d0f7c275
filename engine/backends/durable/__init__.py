"""The durable_rules backend: compile rule versions, prepare facts, host sessions."""
