"""Comments' spam filter: layered decisions (pure) and the learned state they share.

``features``, ``classifier`` and ``pipeline`` decide without touching the database;
``store`` loads what they need (the shipped model, the site's text, moderators' lessons)
and ``kb.comments`` is the only code that writes comments.
"""
