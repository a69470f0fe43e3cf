"""Quotes: direct, partial and indirect speech with speakers."""
