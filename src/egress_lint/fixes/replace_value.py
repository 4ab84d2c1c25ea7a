"""``ctx.check_hostname = False`` -> ``ctx.check_hostname = True``: replace an assigned value."""
import libcst as cst

from .edit import Edit

KIND = "replace-value"
TARGET = (cst.Assign,)


def describe(fix) -> str:
    return f"assigned {fix.get('literal') or fix.get('name')} instead"


def apply(original: cst.Assign, updated: cst.Assign, fix, edit: Edit):
    edit.discard(original.value)
    return updated.with_changes(value=edit.value(fix, updated.value))
