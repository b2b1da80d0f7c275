"""The Swedish feature files, run as tests (pytest-bdd)."""

from pytest_bdd import scenarios

scenarios(".")
