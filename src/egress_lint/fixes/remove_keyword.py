"""``f(a, verify=False)`` -> ``f(a)``: drop a keyword argument, keeping the call's layout."""
import libcst as cst

from .edit import Edit

KIND = "remove-keyword"
TARGET = (cst.Call,)


def describe(fix) -> str:
    return f"removed the {fix.get('keyword')}= argument"


def apply(original: cst.Call, updated: cst.Call, fix, edit: Edit):
    name = fix.get("keyword")
    index = next((i for i, arg in enumerate(updated.args) if arg.keyword and arg.keyword.value == name), None)
    if index is None:
        return updated
    edit.discard(original.args[index].value)
    return updated.with_changes(**without_argument(updated, index))


def without_argument(call: cst.Call, index: int) -> dict:
    """The call's new ``args`` (and opening whitespace) once argument ``index`` is gone.

    The whitespace before ``)`` belongs to the last argument; when that one goes, the new last
    argument takes it over, so a multi-line call keeps its closing bracket where it was."""
    args = list(call.args)
    removed = args.pop(index)
    if index < len(args) or not args:
        if not args and not _has_comment(call.whitespace_before_args):
            return {"args": (), "whitespace_before_args": cst.SimpleWhitespace("")}
        return {"args": tuple(args)}
    previous = args[-1]
    closing = removed.comma.whitespace_after if isinstance(removed.comma, cst.Comma) else removed.whitespace_after_arg
    if isinstance(previous.comma, cst.Comma) and isinstance(previous.comma.whitespace_after, cst.ParenthesizedWhitespace):
        # One argument a line: keep the previous line (and its comment) as it is, end on the removed
        # argument's closing indentation.
        args[-1] = previous.with_changes(comma=previous.comma.with_changes(
            whitespace_after=_last_line_of(previous.comma.whitespace_after, closing)))
    else:
        args[-1] = previous.with_changes(comma=removed.comma, whitespace_after_arg=removed.whitespace_after_arg)
    return {"args": tuple(args)}


def _last_line_of(kept: cst.ParenthesizedWhitespace, closing) -> cst.ParenthesizedWhitespace:
    if isinstance(closing, cst.ParenthesizedWhitespace):
        return kept.with_changes(indent=closing.indent, last_line=closing.last_line)
    return kept


def _has_comment(whitespace) -> bool:
    return isinstance(whitespace, cst.ParenthesizedWhitespace) and (
        whitespace.first_line.comment is not None or any(line.comment for line in whitespace.empty_lines))
