"""Input sources: everything that turns a person's weight shifts (or a stand-in) into samples."""
