"""`python -m agent` runs the `factcheck` command."""
from .cli import main

main()
