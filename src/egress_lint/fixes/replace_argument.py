"""``set_missing_host_key_policy(AutoAddPolicy())`` -> ``set_missing_host_key_policy(RejectPolicy())``:
replace a positional argument by an instance of a sibling class (a class passed bare is instantiated)."""
import libcst as cst

from .edit import Edit

KIND = "replace-argument"
TARGET = (cst.Call,)


def describe(fix) -> str:
    return f"passed {fix.get('name')}() instead"


def apply(original: cst.Call, updated: cst.Call, fix, edit: Edit):
    index = int(fix.get("position", "0"))
    positional = [i for i, arg in enumerate(updated.args) if arg.keyword is None and not arg.star]
    if index >= len(positional):
        return updated
    at = positional[index]
    value = updated.args[at].value
    edit.discard(original.args[at].value)
    if isinstance(value, cst.Call):
        new = value.with_changes(func=edit.spell(fix.get("name"), value.func))
    else:
        new = cst.Call(func=edit.spell(fix.get("name"), value))
    args = list(updated.args)
    args[at] = args[at].with_changes(value=new)
    return updated.with_changes(args=tuple(args))
