"""Modules that can be called like the function they are named after.

``argmap.validate`` is both a package (``import argmap.validate``, ``argmap.validate.rules()``)
and the call researchers type (``argmap.validate(m)``); likewise ``argmap.limits``. Rather
than let a function shadow its own module, the module itself answers the call.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Make the module ``module_name`` call ``function`` when it is called."""

    class CallableModule(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs)

    CallableModule.__call__.__doc__ = function.__doc__
    CallableModule.__name__ = CallableModule.__qualname__ = "module"
    sys.modules[module_name].__class__ = CallableModule
