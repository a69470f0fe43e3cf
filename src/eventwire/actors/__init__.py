"""Actors: recognise mentions of states, organisations and people, and resolve them to codes."""
