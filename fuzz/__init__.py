"""Fuzzing argmap's parsers: the contract (:mod:`fuzz.targets`), the mutations the test
suite draws (:mod:`fuzz.mutations`) and the long coverage-guided run (``python -m fuzz.run``).
"""
