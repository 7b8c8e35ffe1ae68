"""``python -m argmap``: the ``argmap`` command line."""

from argmap.cli import main

if __name__ == "__main__":  # importing the module (as tools that walk the package do) runs nothing
    main()
