"""What the service knows and decides: the models, the paper and part state machines, and the rules of
publishing, releasing, correcting, withdrawing and approving. No Flask request, no clock: callers pass
``now`` and a database session."""
