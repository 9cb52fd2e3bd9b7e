"""Records proposed from documents: news pages, Word reports, PDFs with a text layer, plain text.

`documents` reads a file into text with its source (URL or file) and drops page furniture;
`engine` finds the organiser, cluster, year, events, members, roles, ranks and awards in it, each
with the sentence that states it; `review` writes what was found for a person to accept. Nothing
extracted is loaded until a person accepts it.
"""
