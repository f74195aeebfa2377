"""``python -m nghiquyet.engine`` is the ``nghiquyet`` command."""

from .entry import main

main()
