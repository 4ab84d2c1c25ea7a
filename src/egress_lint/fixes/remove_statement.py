"""Delete the statement a finding stands on (an assignment, or a call made as a statement). The
comments above it stay; a block left empty gets ``pass``."""
from typing import Optional

import libcst as cst

from .edit import REMOVE, Edit

KIND = "remove-statement"
TARGET = (cst.Assign, cst.Call)


def describe(fix) -> str:
    return "removed the statement"


def anchor(node: cst.CSTNode, parent: Optional[cst.CSTNode]) -> Optional[cst.CSTNode]:
    """The small statement to delete; a call used inside an expression cannot be deleted alone."""
    if isinstance(node, cst.Assign):
        return node
    return parent if isinstance(parent, cst.Expr) else None


def apply(original: cst.CSTNode, updated: cst.CSTNode, fix, edit: Edit):
    edit.discard(original)
    return REMOVE
