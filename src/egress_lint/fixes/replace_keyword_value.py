"""``PoolManager(cert_reqs="CERT_NONE")`` -> ``PoolManager(cert_reqs="CERT_REQUIRED")``."""
import libcst as cst

from .edit import Edit

KIND = "replace-keyword-value"
TARGET = (cst.Call,)


def describe(fix) -> str:
    return f"set {fix.get('keyword')}={fix.get('literal') or fix.get('name')}"


def apply(original: cst.Call, updated: cst.Call, fix, edit: Edit):
    name = fix.get("keyword")
    args = list(updated.args)
    for i, arg in enumerate(args):
        if arg.keyword and arg.keyword.value == name:
            edit.discard(original.args[i].value)
            args[i] = arg.with_changes(value=edit.value(fix, arg.value))
            return updated.with_changes(args=tuple(args))
    return updated
