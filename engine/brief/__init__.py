"""The inspector's brief before visiting one facility (`regelkoll besok`)."""
