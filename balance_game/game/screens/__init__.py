"""The screens a person sees, one module each; they reach one another only by name (``navigation``)."""
