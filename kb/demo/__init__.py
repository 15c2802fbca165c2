"""The demo knowledge base drawn from the project's seed article.

``data`` holds the facts as plain declarations; ``loader`` applies them to the database.
"""
