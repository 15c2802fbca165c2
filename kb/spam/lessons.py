"""Moderators' decisions as remembered examples: the nearest one to a new comment.

The classifier learns from each decision too, but one lesson moves counts built on
thousands of texts only a little. A moderator who marks a comment "not spam" expects
the next comment like it to pass, and one who marks it spam expects its copies to stay
out; this memory does that directly, by the share of word pairs two comments have in
common (Jaccard similarity), through an inverted index so a decision stays fast.
"""

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Match:
    label: str
    similarity: float


class LessonIndex:
    def __init__(self):
        self.lessons: dict[int, tuple[str, frozenset[int]]] = {}
        self.index: dict[int, set[int]] = defaultdict(set)

    def __len__(self):
        return len(self.lessons)

    def put(self, key: int, label: str, shingles) -> None:
        self.remove(key)
        shingles = frozenset(shingles)
        if not shingles:
            return
        self.lessons[key] = (label, shingles)
        for shingle in shingles:
            self.index[shingle].add(key)

    def remove(self, key: int) -> None:
        old = self.lessons.pop(key, None)
        if old is None:
            return
        for shingle in old[1]:
            keys = self.index.get(shingle)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self.index[shingle]

    def nearest(self, shingles) -> Match | None:
        """The most similar lesson; on a tie, "ham" wins, as a lost comment costs more."""
        shingles = frozenset(shingles)
        shared: dict[int, int] = defaultdict(int)
        for shingle in shingles:
            for key in self.index.get(shingle, ()):
                shared[key] += 1
        best = None
        for key, common in shared.items():
            label, theirs = self.lessons[key]
            similarity = common / (len(shingles) + len(theirs) - common)
            candidate = (similarity, label == "ham")
            if best is None or candidate > best[0]:
                best = (candidate, label)
        if best is None:
            return None
        return Match(best[1], best[0][0])
