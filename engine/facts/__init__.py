"""The fact model, a bundle of facts and what could not be read, identity numbers, one unit's facts."""
