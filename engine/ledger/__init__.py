"""The findings ledger: judging matches into outcomes, per unit, in worker processes."""
