"""Work run beside the caller on a second core."""

from __future__ import annotations

import threading

import pytest

from articles.engine import beside as beside_module
from articles.engine.beside import beside


def test_the_result_comes_from_another_thread_where_there_is_a_second_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(beside_module, "second_core", lambda: True)
    caller = threading.get_ident()
    wait = beside(lambda: ("parsed", threading.get_ident()))
    result, worker = wait()
    assert result == "parsed" and worker != caller


def test_on_one_core_the_work_is_done_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(beside_module, "second_core", lambda: False)
    done: list[int] = []
    wait = beside(lambda: done.append(threading.get_ident()) or len(done))
    assert done == [threading.get_ident()]
    assert wait() == 1


@pytest.mark.parametrize("cores", [True, False])
def test_an_error_in_the_work_reaches_the_caller(monkeypatch: pytest.MonkeyPatch, cores: bool) -> None:
    monkeypatch.setattr(beside_module, "second_core", lambda: cores)

    def fail() -> None:
        raise ValueError("the encoder ran out of memory")

    with pytest.raises(ValueError, match="ran out of memory"):
        beside(fail)()
