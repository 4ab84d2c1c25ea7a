"""The only index of rules: code -> rule class, in code order.

flake8 messages, `egress-lint rules` / `explain`, SARIF rule metadata, the Semgrep consistency test
and docs/rules/ are all generated from this list.
"""
from __future__ import annotations

from typing import Dict, Tuple, Type

from .rule import Rule
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
)

BY_CODE: Dict[str, Type[Rule]] = {rule.code: rule for rule in RULES}
