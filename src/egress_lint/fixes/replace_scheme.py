"""``requests.get("http://api.example.com/x")`` -> ``requests.get("https://api.example.com/x")``: change
the scheme at the head of the URL literal written among the call's arguments (also the head of an
f-string, a ``+`` concatenation or a ``"...".format()`` template)."""
from typing import Optional

import libcst as cst

from .edit import Edit

KIND = "replace-scheme"
TARGET = (cst.Call,)


def describe(fix) -> str:
    return f"{fix.get('from')} -> {fix.get('to')}"


def apply(original: cst.Call, updated: cst.Call, fix, edit: Edit):
    old, new = fix.get("from"), fix.get("to")
    args = list(updated.args)
    for i, arg in enumerate(args):
        value = _with_scheme(arg.value, old, new)
        if value is not None:
            args[i] = arg.with_changes(value=value)
            return updated.with_changes(args=tuple(args))
    return updated


def _with_scheme(expr: cst.BaseExpression, old: str, new: str) -> Optional[cst.BaseExpression]:
    """``expr`` with its literal head's scheme replaced, or None when its head is not such a literal."""
    if isinstance(expr, cst.SimpleString):
        body = expr.raw_value
        if body[:len(old)].lower() != old.lower():
            return None
        return cst.SimpleString(f"{expr.prefix}{expr.quote}{new}{body[len(old):]}{expr.quote}")
    if isinstance(expr, cst.FormattedString) and expr.parts and isinstance(expr.parts[0], cst.FormattedStringText):
        head = expr.parts[0]
        if head.value[:len(old)].lower() != old.lower():
            return None
        return expr.with_changes(parts=(head.with_changes(value=new + head.value[len(old):]), *expr.parts[1:]))
    if isinstance(expr, cst.BinaryOperation):
        left = _with_scheme(expr.left, old, new)
        return None if left is None else expr.with_changes(left=left)
    if isinstance(expr, cst.ConcatenatedString):
        left = _with_scheme(expr.left, old, new)
        return None if left is None else expr.with_changes(left=left)
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value == "format":
        template = _with_scheme(expr.func.value, old, new)
        return None if template is None else expr.with_changes(func=expr.func.with_changes(value=template))
    return None
