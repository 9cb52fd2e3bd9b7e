"""Reading the published warehouse: read-only queries, the SQL sandbox, name search."""
