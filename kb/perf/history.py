"""The editorial history of generated entries, and the comments readers left on them.

Revisions per entry follow a log-normal law with a median of 2 and a long tail, plus a
few "hot" entries with thousands of revisions (the history page's worst case). About
2 % of revisions wait for review: most were made on the live version, some on an older
one, so approving them needs a three-way merge. A proposal changes the body and the
history changed the summary, so such a merge succeeds without conflict, as most do.

Comments: 30 % spam, and a fifth of all comments on 1 % of the entries.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random

from kb.choices import CommentState, RevisionState
from kb.models import Comment, Revision
from kb.perf.snapshots import SummaryTemplate, to_json
from kb.spam.features import fingerprint
from kb.spam.pipeline import Outcome

MEDIAN_REVISIONS = 2
REVISION_SIGMA = 1.35
MAX_ORDINARY_REVISIONS = 400
PENDING_SHARE = 0.1  # of entries with a pending proposal: about 2 % of all revisions
STALE_SHARE = 0.3  # of pending proposals made on an older version
SPAM_SHARE = 0.3
PUBLISHED = {"state": CommentState.PUBLISHED, "verdict": Outcome.PUBLISH}
HELD = {"state": CommentState.PENDING, "verdict": Outcome.HOLD}
APPROVED, PENDING = str(RevisionState.APPROVED.value), str(RevisionState.PENDING.value)

EDIT_SUMMARIES = (
    "Corrected the date", "Added sources", "Updated casualty figures", "Fixed a typo",
    "Added aliases", "Clarified the attribution", "Expanded the history section",
    "Added the claim of responsibility", "Updated leadership", "Removed a duplicate source",
    "Reworded the summary", "Linked related groups", "Added coordinates", "Copy-edited",
)
SPAM_TEMPLATES = (
    "Best prices on {w} and {w2}! Visit https://{d}.shop/deal now, limited offer.",
    "Earn $500 a day from home {w}. Contact WhatsApp +92 300 {n} or t.me/{w}{n}",
    "Great article!!! Check my site http://bit.ly/{w}{n} for {w2} {w} news",
    "Cheap {w} pills without prescription https://{d}.xyz/{w2} https://{d}.top/buy",
    "I made {n} dollars last week with crypto {w}. Telegram @{w}_{w2} for signals.",
    "<a href=\"https://{d}.casino\">{w} casino bonus</a> best {w2} online slots {n}",
)


def revision_count(rng: random.Random) -> int:
    """How many approved revisions an ordinary entry has: median 2, a long tail."""
    drawn = rng.lognormvariate(math.log(MEDIAN_REVISIONS), REVISION_SIGMA)
    return min(MAX_ORDINARY_REVISIONS, max(1, round(drawn)))


class History:
    """Revision rows for entries, buffered until the caller writes its batch."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.rows: list[dict] = []
        self.total = 0
        self.pending = 0

    def chain(
        self, entry_id: int, data: dict, *, created: dt.datetime, approved: int,
        published: bool = True,
    ) -> dict:
        """Write ``approved`` approved revisions ending in ``data``; return the entry's
        publication columns (live revision, published_at, timestamps)."""
        ctx, rng = self.ctx, self.ctx.rng
        if not published:
            rid = ctx.writer.allocate(Revision, 1)[0]
            self.rows.append(self._row(
                rid, entry_id, to_json(data), created, None,
                PENDING, summary="First version", reviewed=False,
            ))
            self.pending += 1
            return {"live_revision_id": None, "published_at": None,
                    "created_at": created, "updated_at": created}
        template = SummaryTemplate(data)
        ids = ctx.writer.allocate(Revision, approved + 1)
        # Edits days apart, closer together for the busy entries.
        step = dt.timedelta(hours=rng.uniform(2, 400) / max(1, approved // 50))
        at, base = created, None
        for i in range(approved):
            summary = "First version" if i == 0 else rng.choice(EDIT_SUMMARIES)
            self.rows.append(self._row(
                ids[i], entry_id, template.version(approved - 1 - i), at, base,
                APPROVED, summary=summary,
            ))
            base = ids[i]
            at += step
        live_id, published_at = ids[approved - 1], created + dt.timedelta(minutes=30)
        if rng.random() < PENDING_SHARE:
            self._pending(ids[approved], entry_id, data, template, ids[:approved], at)
        return {"live_revision_id": live_id, "published_at": published_at,
                "created_at": created, "updated_at": at}

    def _pending(self, rid, entry_id, data, template, approved_ids, at):
        """A proposal that adds a sentence to the body, on the live or an older version."""
        rng = self.ctx.rng
        stale = len(approved_ids) > 1 and rng.random() < STALE_SHARE
        steps_back = rng.randint(1, min(5, len(approved_ids) - 1)) if stale else 0
        base_data = json.loads(template.version(steps_back)) if stale else data
        addition = self.ctx.pool.text(rng, 20)
        body = base_data["fields"]["body"]
        proposed = {**base_data, "fields": {
            **base_data["fields"], "body": f"{body}\n\n{addition}" if body else addition,
        }}
        self.rows.append(self._row(
            rid, entry_id, to_json(proposed), at,
            approved_ids[-1 - steps_back], PENDING,
            summary="Proposed: " + rng.choice(EDIT_SUMMARIES).lower(), reviewed=False,
        ))
        self.pending += 1

    def _row(self, rid, entry_id, data_json, at, base, state, *, summary, reviewed=True):
        ctx = self.ctx
        author = ctx.rng.choice(ctx.users["researcher"])
        self.total += 1
        row = {
            "id": rid, "entry_id": entry_id, "data": data_json, "author_id": author,
            "summary": summary, "base_id": base, "state": state, "created_at": at,
            "submitted_at": at,
        }
        if reviewed:
            row["reviewer_id"] = ctx.rng.choice(ctx.users["editor"])
            row["reviewed_at"] = at + dt.timedelta(minutes=20)
        return row

    def flush(self) -> None:
        self.ctx.writer.write(Revision, self.rows)
        self.rows = []


def write_comments(ctx, entry_ids: list[int], total: int, batch: int) -> None:
    """``total`` comments on published entries: a fifth on 1 % of them, 30 % spam."""
    rng, writer = ctx.rng, ctx.writer
    if not entry_ids or total <= 0:
        return
    busy = rng.sample(entry_ids, max(1, len(entry_ids) // 100))
    last_top: dict[int, int] = {}
    start = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
    done = 0
    while done < total:
        n = min(batch, total - done)
        ids = writer.allocate(Comment, n)
        rows = []
        for cid in ids:
            entry = rng.choice(busy) if rng.random() < 0.2 else rng.choice(entry_ids)
            at = start + dt.timedelta(minutes=cid % 2_000_000)
            if rng.random() < SPAM_SHARE:
                rows.append(_spam(ctx, cid, entry, at))
                continue
            row = _ham(ctx, cid, entry, at)
            parent = last_top.get(entry)
            if parent is not None and rng.random() < 0.15:
                row["parent_id"] = parent
            else:
                last_top[entry] = cid
            rows.append(row)
        for row in rows:
            # Derived as Comment.save() derives it, so repeated texts are found.
            row["body_hash"] = fingerprint(row["body"])
        with writer.batch():
            writer.write(Comment, rows)
        done += n
        ctx.progress.say(f"comments {done:,}/{total:,}")


def _ham(ctx, cid, entry, at) -> dict:
    rng = ctx.rng
    row = {
        "id": cid, "entry_id": entry, "body": ctx.pool.text(rng, rng.randint(8, 90)),
        **(PUBLISHED if rng.random() < 0.93 else HELD),
        "spam_score": round(rng.uniform(-3, 3.5), 2), "spam_reasons": "[]",
        "created_at": at, "ip_address": f"10.{cid % 250}.{(cid >> 8) % 250}.{cid % 200 + 1}",
        "user_agent": "Mozilla/5.0 (X11; Linux x86_64)",
    }
    if rng.random() < 0.25:
        row["user_id"] = rng.choice(ctx.users["reader"])
    else:
        row["author_name"] = f"Reader {cid % 9973}"
        row["author_email"] = f"reader{cid % 9973}@example.org"
    return row


def _spam(ctx, cid, entry, at) -> dict:
    rng = ctx.rng
    words = ctx.pool.rare_words
    body = rng.choice(SPAM_TEMPLATES).format(
        w=rng.choice(words), w2=rng.choice(words), d=rng.choice(words),
        n=rng.randint(1000, 9999),
    )
    if rng.random() < 0.5:
        body += " " + ctx.pool.text(rng, rng.randint(5, 40))
    reasons = json.dumps(["links: an address shortener or shop (+5.0)",
                          "classifier: spam probability 0.97 (+5.6)"])
    return {
        "id": cid, "entry_id": entry, "body": body[:5000], "state": CommentState.SPAM,
        "verdict": Outcome.SPAM,
        "spam_score": round(rng.uniform(8, 25), 2), "spam_reasons": reasons,
        "created_at": at, "author_name": f"Visitor {cid % 777}",
        "author_email": f"promo{cid % 777}@example.com",
        "ip_address": f"192.0.2.{cid % 254 + 1}", "user_agent": "python-requests/2.31",
    }
