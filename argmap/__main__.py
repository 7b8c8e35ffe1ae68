"""``python -m argmap``: the ``argmap`` command line."""

from argmap.cli import main

main()
