"""``python -m nghiquyet.engine`` is the ``nghiquyet`` command."""

from .cli import main

main()
