"""How long a browser or a CDN may keep each kind of public response before it revalidates (seconds)."""

PAGE_MAX_AGE = 300          # pages, feeds, API: five minutes
FILE_MAX_AGE = 300          # published PDFs: a withdrawal or correction reaches every cache within 5 minutes
ASSET_MAX_AGE = 31536000    # versioned assets (?v=<hash>)
MISSING_MAX_AGE = 60        # a 404 (e.g. a Part 2 not yet released) is retried soon
