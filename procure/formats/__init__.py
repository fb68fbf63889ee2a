"""Reading and writing Procure's JSON interchange files."""
