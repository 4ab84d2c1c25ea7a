"""``ssl._create_unverified_context(cafile=f)`` -> ``ssl.create_default_context(cafile=f)``: call a
sibling function with the same arguments."""
import libcst as cst

from .edit import Edit

KIND = "replace-callee"
TARGET = (cst.Call,)


def describe(fix) -> str:
    return f"called {fix.get('name')}() instead"


def apply(original: cst.Call, updated: cst.Call, fix, edit: Edit):
    edit.discard(original.func)
    return updated.with_changes(func=edit.spell(fix.get("name"), updated.func))
