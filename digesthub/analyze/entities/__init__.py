"""Entity recognition and in-article entity grouping.

``find_entities(text)`` gives typed mentions; ``recognize_entities(doc, article)``
gives the mentions of an article and its entities (one per real-world thing,
with aliases and salience). Both run the same rules over one spaCy parse.
"""

from __future__ import annotations

from digesthub.analyze.entities.recognize import find_entities, recognize_entities

__all__ = ["find_entities", "recognize_entities"]
