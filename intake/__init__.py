"""Pilot intake: the call for vacant buildings and the queue of candidate pilots."""
