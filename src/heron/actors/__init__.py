"""Actors: built-in knowledge and user dictionaries, mention finding, coreference."""
