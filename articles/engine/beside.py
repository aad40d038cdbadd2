"""Work run on a second core while the caller goes on: spaCy's models and the encoder's numpy arithmetic
leave Python's lock free, so an article's analysis spreads over two cores."""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def second_core() -> bool:
    """The machine has more than one core."""
    return (os.cpu_count() or 1) > 1


def beside[T](work: Callable[[], T], name: str = "beside") -> Callable[[], T]:
    """Start ``work`` on a thread of its own where the machine has a second core (else do it now). The
    function returned waits for its result, and raises what it raised."""
    if not second_core():
        done = work()
        return lambda: done
    results: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            results.append(work())
        except BaseException as exc:  # handed to the caller, which waits for it
            errors.append(exc)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()

    def result() -> T:
        thread.join()
        if errors:
            raise errors[0]
        return results[0]

    return result
