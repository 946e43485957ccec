"""Figures (matplotlib): the room, timelines, distributions against the literature, maps.

Every figure uses the colours of :mod:`simulation.plots.style`, one per classification on every
page and in every script.
"""
