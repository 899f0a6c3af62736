"""Present: renderers (Markdown, HTML, JSON) over the Digest data type."""
