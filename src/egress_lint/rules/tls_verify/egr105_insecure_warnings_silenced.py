"""EGR105: the warning about unverified HTTPS requests is silenced."""
from ...analysis.tls import weakenings
from ...analysis.values import Const, Ref
from ...diagnostics import Fix
from ...libraries.spec import VERIFY, WARNINGS
from ...libraries.urllib3 import INSECURE_REQUEST_WARNINGS
from ...libraries.warning_filters import IGNORE_ACTION, SILENCERS
from ...rule import Invalid, Rule, Valid


class InsecureWarningsSilenced(Rule):
    code = "EGR105"
    slug = "insecure-warnings-silenced"
    family = "tls-verify"
    cwe = (295,)
    security_severity = 4.0  # hides the evidence of an unverified request rather than making one
    summary = "Insecure-request warnings silenced"
    hint = "remove the filter and fix the unverified request it hides"
    what = """
Finds calls that hide urllib3's `InsecureRequestWarning`: `urllib3.disable_warnings()` with no
argument or with `InsecureRequestWarning` (also through `requests.packages.urllib3`), and
`warnings.filterwarnings` / `warnings.simplefilter` with action `"ignore"` for that category.
Silencing other warning categories is not reported. A client's own switch for that warning
(Elasticsearch / OpenSearch `ssl_show_warn=False`) is reported where the same call turns
verification off (`verify_certs=False`); alone it changes nothing and is not reported.
"""
    why = """
The warning is the only run-time sign that a request went out without certificate verification.
Silencing it keeps unauthenticated connections (OWASP ASVS V9.2.3, CWE-295) out of sight in logs
and test output.
"""
    fix_safety = """
The fix deletes the call. It is safe: it changes no connection, only what is logged. A call used
inside an expression is reported but not fixed. An import only the call used goes with it, except
where other modules may import that name from this one: a name in `__all__`, `import x as x`, and
every top-level import of a package's `__init__.py` or of a compatibility module (`compat.py`,
`_compat.py`) stay.
"""
    references = ("https://urllib3.readthedocs.io/en/stable/advanced-usage.html#tls-warnings",)
    VALID = (
        Valid("""
            import warnings

            warnings.filterwarnings("ignore", category=DeprecationWarning)
        """),
    )
    INVALID = (
        Invalid("""
            import requests
            import urllib3

            # ruleid: EGR105
            urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            response = requests.get("https://api.example.com/items")
        """, fixed="""
            import requests

            # ruleid: EGR105
            response = requests.get("https://api.example.com/items")
        """),
        Invalid("""
            import warnings
            from requests.packages.urllib3.exceptions import InsecureRequestWarning

            # ruleid: EGR105
            warnings.simplefilter("ignore", InsecureRequestWarning)
        """),
    )

    def check(self, model):
        for qualname, (action_arg, category_arg, silences_by_default) in SILENCERS.items():
            for site in model.calls_to(qualname):
                if action_arg is not None:
                    action = site.value(action_arg)
                    if not (isinstance(action, Const) and action.value == IGNORE_ACTION):
                        continue
                category = site.value(category_arg)
                if category is None:
                    if not silences_by_default:
                        continue
                elif not (isinstance(category, Ref) and category.qualname in INSECURE_REQUEST_WARNINGS):
                    continue
                fix = Fix("remove-statement", safe=True) if site.call in model.index.call_statements else None
                yield self.report(site.call, f"{qualname}() silences InsecureRequestWarning", fix)
        # A client's switch for its own warning, on a call that turns verification off (the library tables).
        unverified = {id(w.node) for w in weakenings(model, VERIFY)}
        for weakening in weakenings(model, WARNINGS):
            if id(weakening.node) not in unverified:
                continue
            fix = None
            if weakening.written_here:
                fix = Fix("remove-keyword", safe=True, detail=(("keyword", weakening.setting.split("=", 1)[0]),))
            yield self.report(weakening.node, f"{weakening.subject} silences its warning about the unverified "
                                              f"connection ({weakening.setting})", fix, hint=weakening.remedy)
