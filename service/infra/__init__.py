"""Infrastructure every layer may use: configuration, absolute URLs, the database engine, file storage,
migrations, logging, the mail transport and UK date words."""
