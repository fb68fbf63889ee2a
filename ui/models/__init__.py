"""Qt item models over the domain objects of the open plan."""
