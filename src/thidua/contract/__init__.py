"""The input contract: record types, their columns and spellings, allowed values, and what is
written from it."""
