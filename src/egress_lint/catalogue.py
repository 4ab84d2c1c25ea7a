"""The only index of rules: code -> rule class, in code order.

flake8 messages, `egress-lint rules` / `explain`, SARIF rule metadata, the Semgrep consistency test
and docs/rules/ are all generated from this list.
"""
from __future__ import annotations

from typing import Dict, Tuple, Type

from .rule import Rule
from .rules.auth.egr301_unauthenticated_sensitive_call import UnauthenticatedSensitiveCall
from .rules.auth.egr302_credentials_in_url import CredentialsInUrl
from .rules.auth.egr303_hardcoded_credential import HardcodedCredential
from .rules.auth.egr304_weak_jwt import WeakJwt
from .rules.cleartext.egr201_plain_http_request import PlainHttpRequest
from .rules.cleartext.egr202_credentials_over_plain_http import CredentialsOverPlainHttp
from .rules.cleartext.egr203_cleartext_connection import CleartextConnection
from .rules.cleartext.egr204_weak_tls import WeakTls
from .rules.cleartext.egr205_optional_tls import OptionalTls
from .rules.tls_verify.egr101_verification_disabled import VerificationDisabled
from .rules.tls_verify.egr102_unverified_ssl_context import UnverifiedSslContext
from .rules.tls_verify.egr103_hostname_check_disabled import HostnameCheckDisabled
from .rules.tls_verify.egr104_process_wide_bypass import ProcessWideBypass
from .rules.tls_verify.egr105_insecure_warnings_silenced import InsecureWarningsSilenced
from .rules.tls_verify.egr106_ssh_host_key_not_verified import SshHostKeyNotVerified

RULES: Tuple[Type[Rule], ...] = (
    VerificationDisabled,
    UnverifiedSslContext,
    HostnameCheckDisabled,
    ProcessWideBypass,
    InsecureWarningsSilenced,
    SshHostKeyNotVerified,
    PlainHttpRequest,
    CredentialsOverPlainHttp,
    CleartextConnection,
    WeakTls,
    OptionalTls,
    UnauthenticatedSensitiveCall,
    CredentialsInUrl,
    HardcodedCredential,
    WeakJwt,
)

BY_CODE: Dict[str, Type[Rule]] = {rule.code: rule for rule in RULES}

# Not a rule: the code the flake8 plugin reports where it could not check all of a file (an internal
# error in one expression, a refused coding cookie, a file over max-file-size), so an editor or a
# flake8 gate shows it; the CLI reports the same on stderr with exit 2. Selected by the `EGR` prefix.
INTERNAL_ERROR_CODE = "EGR000"
INTERNAL_ERROR_SUMMARY = "egress-lint could not check all of this file"
INTERNAL_ERROR_HINT = "please report it to the egress-lint project"
