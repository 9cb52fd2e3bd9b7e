"""The translation catalogues (gettext .po through Babel) and the lookup of labels."""
