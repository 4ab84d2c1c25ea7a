"""PyJWT and python-jose: where encode and decode take the key, the algorithm(s) and the options."""
from dataclasses import dataclass
from typing import Optional

from .spec import Arg


@dataclass(frozen=True)
class JwtCall:
    kind: str  # "encode" | "decode"
    key: Arg
    algorithm: Optional[Arg] = None  # encode
    algorithms: Optional[Arg] = None  # decode
    options: Optional[Arg] = None
    verify: Optional[Arg] = None  # PyJWT 1.x decode(verify=False)
    default_algorithm: Optional[str] = None


_ENCODE = JwtCall("encode", key=Arg("key", 1), algorithm=Arg("algorithm", 2), default_algorithm="HS256")
_DECODE = JwtCall("decode", key=Arg("key", 1), algorithms=Arg("algorithms", 2), options=Arg("options"),
                  verify=Arg("verify"))

CALLS = {
    "jwt.encode": _ENCODE,
    "jwt.decode": _DECODE,
    "jwt.api_jwt.encode": _ENCODE,
    "jwt.api_jwt.decode": _DECODE,
    "jose.jwt.encode": JwtCall("encode", key=Arg("key", 1), algorithm=Arg("algorithm", 2), default_algorithm="HS256"),
    "jose.jwt.decode": JwtCall("decode", key=Arg("key", 1), algorithms=Arg("algorithms", 2), options=Arg("options")),
}
MODULES = ("jwt", "jose")
SYMMETRIC_PREFIX = "HS"
# Shorter HMAC secrets can be brute-forced offline from a single token (RFC 7518 3.2 asks for at least
# the hash size: 32 bytes for HS256).
MIN_SECRET_LENGTH = 32
