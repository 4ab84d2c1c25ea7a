# Semgrep test for egr304-weak-jwt, written by tools/semgrep_tests.py from tests/fixtures/EGR304.py.
# Edit the fixture or the gap table of rules/README.md, then run the script again.
# Annotated fixture for EGR304 (weak JWT handling).
import os

import jwt
from jose import jwt as jose_jwt
from jwt import decode as jwt_decode

SECRET = os.environ["JWT_SECRET"]
SHORT_SECRET = "dev-secret"
LONG_SECRET = "k9Fz2Lq8Vw3Ny7Tb1Xc5Hd0Ms4Rp6Gj8Ue2Yo"

# ruleid: egr304-weak-jwt
jwt.decode("t", options={"verify_signature": False})
# ruleid: egr304-weak-jwt
jwt.decode("t", SECRET, options={"verify_signature": False, "verify_exp": True})
# ruleid: egr304-weak-jwt
jwt.decode("t", SECRET, verify=False)
# ruleid: egr304-weak-jwt
jwt.decode("t", SECRET)
# ruleid: egr304-weak-jwt
jwt_decode("t", SECRET)
# ruleid: egr304-weak-jwt
jwt.decode("t", SECRET, algorithms=["HS256", "none"])
# ruleid: egr304-weak-jwt
jwt.encode({"sub": "1"}, None, algorithm="none")
# ruleid: egr304-weak-jwt
jwt.encode({"sub": "1"}, "secret", algorithm="HS256")
# ruleid: egr304-weak-jwt
jwt.encode({"sub": "1"}, "secret")
# ruleid: egr304-weak-jwt
jwt.encode({"sub": "1"}, SHORT_SECRET, algorithm="HS512")
# ruleid: egr304-weak-jwt
jose_jwt.decode("t", SECRET, options={"verify_signature": False})
# ruleid: egr304-weak-jwt
jose_jwt.encode({"sub": "1"}, "secret", algorithm="HS256")

NO_VERIFY = {"verify_signature": False}
# ruleid: egr304-weak-jwt
jwt.decode("t", SECRET, algorithms=["HS256"], options=NO_VERIFY)

# --- must not fire -------------------------------------------------------------------------------
# ok: egr304-weak-jwt
jwt.decode("t", SECRET, algorithms=["HS256"])
# ok: egr304-weak-jwt
jwt.decode("t", SECRET, algorithms=["RS256"], options={"verify_exp": True})
# ok: egr304-weak-jwt
jwt.encode({"sub": "1"}, SECRET, algorithm="HS256")
# ok: egr304-weak-jwt
jwt.encode({"sub": "1"}, LONG_SECRET, algorithm="HS256")
# ok: egr304-weak-jwt
jwt.encode({"sub": "1"}, open("private.pem").read(), algorithm="RS256")
# ok: egr304-weak-jwt
jose_jwt.decode("t", SECRET, algorithms=["HS256"])
