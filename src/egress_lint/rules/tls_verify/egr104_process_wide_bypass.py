"""EGR104: certificate verification switched off for the whole process."""
import ast
from collections import Counter

from ...analysis.environment import environment_writes
from ...analysis.values import Const, Ref
from ...diagnostics import Fix
from ...libraries import ssl as ssl_table
from ...rule import Invalid, Rule, Valid

_BYPASS = dict(ssl_table.ENVIRONMENT_BYPASS)


class ProcessWideBypass(Rule):
    code = "EGR104"
    slug = "process-wide-bypass"
    family = "tls-verify"
    weakens_tls = True
    cwe = (295,)
    summary = "Certificate verification switched off for the whole process"
    hint = "delete it; give the trusted CA through SSL_CERT_FILE or a cafile= argument instead"
    precheck = tuple(_BYPASS)
    what = """
Finds statements that turn verification off for every connection the process makes:
`ssl._create_default_https_context = ssl._create_unverified_context`, and writes to the environment
(`os.environ[...] = ...`, `os.environ.update(...)`, `os.environ.setdefault(...)`, `os.putenv(...)`)
that set `PYTHONHTTPSVERIFY` to `"0"` or `CURL_CA_BUNDLE`, `REQUESTS_CA_BUNDLE` or `SSL_CERT_FILE` to
an empty string.
"""
    why = """
A process-wide switch disables authentication of every HTTPS connection, including those made by
libraries you did not write and code added later, and it is invisible at the call sites
(OWASP ASVS V9.2.3, CWE-295).
"""
    fix_safety = """
The fix deletes the statement. It is unsafe: connections to servers whose certificates do not verify
will fail. A statement that also sets other variables, or whose value comes from a constant, is
reported but not fixed.
"""
    references = ("https://peps.python.org/pep-0476/#opting-out",)
    VALID = (
        Valid("""
            import os

            os.environ["REQUESTS_CA_BUNDLE"] = "/etc/ssl/certs/internal-ca.pem"
            os.environ["PYTHONHASHSEED"] = "0"
        """),
    )
    INVALID = (
        Invalid("""
            import ssl
            import urllib.request

            # ruleid: EGR104
            ssl._create_default_https_context = ssl._create_unverified_context
            urllib.request.urlopen("https://api.example.com/")
        """, fixed="""
            import urllib.request

            # ruleid: EGR104
            urllib.request.urlopen("https://api.example.com/")
        """),
        Invalid("""
            import os

            # ruleid: EGR104
            os.environ["PYTHONHTTPSVERIFY"] = "0"
            # ruleid: EGR104
            os.environ.update({"CURL_CA_BUNDLE": ""})
        """),
    )

    def check(self, model):
        hook = ssl_table.DEFAULT_CONTEXT_HOOK.rsplit(".", 1)[1]
        for stmt, target, value, scope in model.index.attribute_stores:
            # the name is read first: resolving every ``self.x = ...`` target costs more than the rule
            if target.attr != hook or model.qualname(target, scope) != ssl_table.DEFAULT_CONTEXT_HOOK:
                continue
            assigned = model.resolve(value, scope)
            if isinstance(assigned, Ref) and assigned.qualname == ssl_table.UNVERIFIED_FACTORY:
                fix = _REMOVE if _single_assignment(stmt) and not assigned.via else None
                yield self.report(stmt, f"{ssl_table.DEFAULT_CONTEXT_HOOK} is replaced by "
                                        f"{ssl_table.UNVERIFIED_FACTORY}: no HTTPS connection in the process verifies "
                                        "certificates", fix)
        writes = environment_writes(model)
        writes_per_node = Counter(id(write.node) for write in writes)
        for write in writes:
            bad = _BYPASS.get(write.key or "")
            if bad is None or not isinstance(write.value, Const) or write.value.value != bad:
                continue
            # Deleting a statement that also sets other variables would lose them.
            fix = _REMOVE if writes_per_node[id(write.node)] == 1 and _written_here(model, write) else None
            yield self.report(write.node, f"{write.how} sets {write.key}={bad!r}, which turns certificate "
                                          "verification off for the whole process", fix)


_REMOVE = Fix("remove-statement", safe=False)


def _single_assignment(stmt: ast.AST) -> bool:
    return isinstance(stmt, ast.Assign) and len(stmt.targets) == 1


def _written_here(model, write) -> bool:
    if write.value.via:
        return False
    node = write.node
    if isinstance(node, ast.Call):
        return node in model.index.call_statements and not any(k.arg is None for k in node.keywords) \
            and all(isinstance(arg, (ast.Constant, ast.Dict)) for arg in node.args)
    return _single_assignment(node)
