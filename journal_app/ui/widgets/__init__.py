"""Widgets and helpers the areas share (a page and its cards, form fields). Nothing here
imports an area: areas import from here, never the other way round."""
