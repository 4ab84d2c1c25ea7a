"""EGR304: weak JSON Web Token handling with PyJWT or python-jose."""
from ...analysis.values import Const, DictVal, Items, is_false
from ...diagnostics import Fix
from ...libraries import jwt as jwt_table
from ...rule import Invalid, Rule, Valid


class WeakJwt(Rule):
    code = "EGR304"
    slug = "weak-jwt"
    family = "auth"
    cwe = (347, 798)
    asvs = ("V9.2.3", "V3.5.3")
    summary = "Weak JWT handling: unverified signature, 'none' algorithm, hard-coded HMAC secret"
    hint = 'verify signatures with algorithms=["RS256"] (or your HS algorithm) and a secret from the environment'
    precheck = jwt_table.MODULES
    what = """
Finds PyJWT (and python-jose) calls that let tokens be forged or go unchecked: `jwt.decode` with
`options={"verify_signature": False}` or the legacy `verify=False`, `jwt.decode` without
`algorithms=`, `algorithms` containing `"none"`, `jwt.encode` with `algorithm="none"`, and
`jwt.encode` with an HMAC algorithm (the default HS256 included) whose secret is written at the
call or is a constant shorter than 32 characters.
"""
    why = """
A token whose signature is not verified, or signed with "none", proves nothing: whoever holds it
can change its claims. Decoding without a fixed algorithm list allows algorithm-confusion attacks,
and a short or published HMAC secret can be brute-forced or read from the source, after which any
token can be forged (CWE-347, CWE-798).
"""
    fix_safety = """
The fix removes `options={"verify_signature": False}`, and adds `algorithms=[...]` to a decode
that has none when every `jwt.encode` in the module signs with the same known algorithm. It is
unsafe: tokens that do not verify, or use another algorithm, will now be rejected.
"""
    references = ("https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode",)
    VALID = (
        Valid("""
            import os
            import jwt

            token = jwt.encode({"sub": "42"}, os.environ["JWT_SECRET"], algorithm="HS256")
            claims = jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"])
        """),
    )
    INVALID = (
        Invalid("""
            import jwt

            def claims(token):
                # ruleid: EGR304
                return jwt.decode(token, options={"verify_signature": False})
        """, fixed="""
            import jwt

            def claims(token):
                # ruleid: EGR304
                return jwt.decode(token)
        """),
        Invalid("""
            import jwt

            # ruleid: EGR304
            token = jwt.encode({"sub": "42"}, "secret", algorithm="HS256")
        """),
    )

    def check(self, model):
        known = _signing_algorithm(model)
        for qualname, spec in jwt_table.CALLS.items():
            for site in model.calls_to(qualname):
                found = _encode(site, spec) if spec.kind == "encode" else _decode(site, spec, known)
                for message, fix in found:
                    yield self.report(site.call, f"{qualname}() {message}", fix)


def _signing_algorithm(model):
    """The one algorithm this module signs tokens with, when every encode call says the same."""
    names = set()
    for qualname, spec in jwt_table.CALLS.items():
        if spec.kind != "encode":
            continue
        for site in model.calls_to(qualname):
            value = site.value(spec.algorithm)
            if value is None:
                names.add(spec.default_algorithm)
            elif isinstance(value, Const) and isinstance(value.value, str) and value.value.lower() != "none":
                names.add(value.value)
            else:
                return None
    return names.pop() if len(names) == 1 else None


def _add_algorithms(known, remove=None):
    if known is None:
        return None
    detail = (("keyword", "algorithms"), ("literal", f'["{known}"]'))
    return Fix("add-keyword", safe=False, detail=detail + ((("remove", remove),) if remove else ()))


def _encode(site, spec):
    algorithm = site.value(spec.algorithm)
    name = spec.default_algorithm if algorithm is None else (
        algorithm.value if isinstance(algorithm, Const) and isinstance(algorithm.value, str) else None)
    if name is not None and name.lower() == "none":
        yield 'signs with algorithm "none", so the token is not signed', None
        return
    if name is None or not name.upper().startswith(jwt_table.SYMMETRIC_PREFIX):
        return
    key = site.value(spec.key)
    if not isinstance(key, Const) or not isinstance(key.value, (str, bytes)) or not key.value:
        return
    if not key.via:
        yield f"signs {name} tokens with a secret written in the source", None
    elif len(key.value) < jwt_table.MIN_SECRET_LENGTH:
        yield (f"signs {name} tokens with a hard-coded secret shorter than {jwt_table.MIN_SECRET_LENGTH} "
               f"characters (via {key.via[0]})"), None


def _decode(site, spec, known=None):
    algorithms = site.value(spec.algorithms)
    options = site.value(spec.options) if spec.options else None
    if isinstance(options, DictVal):
        entry = options.entries.get("verify_signature")
        if entry is not None and is_false(site.resolver.resolve(entry[0], entry[1])):
            only_key = len(options.entries) == 1 and options.complete and not options.via
            fix = None
            if only_key:
                fix = Fix("remove-keyword", safe=False, detail=(("keyword", "options"),)) if algorithms is not None \
                    else _add_algorithms(known, remove="options") or Fix("remove-keyword", safe=False,
                                                                          detail=(("keyword", "options"),))
            yield 'does not verify the signature (options={"verify_signature": False})', fix
            return
    verify = site.value(spec.verify) if spec.verify else None
    if verify is not None and is_false(verify):
        yield "does not verify the signature (verify=False)", None
        return
    if algorithms is None:
        yield "decodes without algorithms=, so the token chooses how it is checked", _add_algorithms(known)
        return
    if isinstance(algorithms, Items):
        names = [site.resolver.resolve(item, algorithms.scope) for item in algorithms.items]
        if any(isinstance(n, Const) and isinstance(n.value, str) and n.value.lower() == "none" for n in names):
            yield 'accepts algorithm "none"', None
