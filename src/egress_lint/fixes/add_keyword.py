"""``jwt.decode(t, key)`` -> ``jwt.decode(t, key, algorithms=["HS256"])``: add a keyword argument,
optionally in place of another one (``options={"verify_signature": False}``)."""
import libcst as cst

from .edit import Edit

KIND = "add-keyword"
TARGET = (cst.Call,)


def describe(fix) -> str:
    removed = fix.get("remove")
    added = f"{fix.get('keyword')}={fix.get('literal')}"
    return f"replaced the {removed}= argument with {added}" if removed else f"added {added}"


def apply(original: cst.Call, updated: cst.Call, fix, edit: Edit):
    name = fix.get("keyword")
    args = list(updated.args)
    if any(arg.keyword and arg.keyword.value == name for arg in args):
        return updated
    value = edit.parse_expression(fix.get("literal"))
    removed = fix.get("remove")
    for i, arg in enumerate(args):
        if removed and arg.keyword and arg.keyword.value == removed:
            # In place, so the argument keeps its line, comma and comments.
            edit.discard(original.args[i].value)
            args[i] = arg.with_changes(keyword=cst.Name(name), value=value)
            return updated.with_changes(args=tuple(args))
    new = cst.Arg(keyword=cst.Name(name), value=value,
                  equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                        whitespace_after=cst.SimpleWhitespace("")))
    if not args:
        return updated.with_changes(args=(new,))
    last = args[-1]
    if last.star == "**":  # a keyword may not follow **kwargs
        return updated
    if len(args) >= 2 and isinstance(args[-2].comma, cst.Comma) \
            and isinstance(args[-2].comma.whitespace_after, cst.ParenthesizedWhitespace):
        # One argument a line: the new one goes on its own line, the call's closing stays as it was.
        new = new.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
        args[-1] = last.with_changes(comma=args[-2].comma, whitespace_after_arg=cst.SimpleWhitespace(""))
    else:
        new = new.with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
        args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                                     whitespace_after_arg=cst.SimpleWhitespace(""))
    args.append(new)
    return updated.with_changes(args=tuple(args))
