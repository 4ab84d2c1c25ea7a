"""Which names carry a credential, and which carry sensitive data: one vocabulary for every rule,
the inventory and the auth evidence.

A name (dict key, header, query parameter, form field, variable or attribute) is split into words
on ``_``, ``-``, ``.``, brackets, digits and camelCase (``X-Postmark-Server-Token`` -> x postmark
server token, ``appToken`` -> app token, ``AUTHKey`` -> auth key). It is a **credential** when its
*last* word is a credential word — the head of the name says what the value is: ``api_key``,
``refresh_token`` and ``X-Auth-Token`` are credentials; ``token_type``, ``token_url``, ``key_id``
and ``password_required`` describe one and are not. Two qualifiers turn a credential word into an
identifier: a word in front of it that names a non-secret kind (``page_token``, ``public_key``,
``csrf_token``, ``issue_key``, ``idempotency_key``), or a verb/flag in front (``verify_signature``,
``reset_password``). Words are compared whole, so ``keyword``, ``monkey`` and ``passenger`` are not
credentials.

These choices were measured on the real-code corpus (docs/accuracy.md): ``sid`` and ``session``
alone are left out because 1,000+ ``*_sid`` keys there are resource identifiers, and
``*PageToken`` (1,500 uses) is pagination.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, Optional, Sequence, Tuple

# A name is a credential when its last word is one of these.
CREDENTIAL_WORDS: FrozenSet[str] = frozenset({
    "token", "key", "apikey", "secret", "password", "passwd", "pwd", "psw", "pass", "passphrase",
    "auth", "authkey", "authtoken", "authorization", "signature", "sig", "cookie", "credential", "credentials",
    "bearer", "otp", "totp", "jsessionid", "phpsessid", "sessionid", "sessid", "accesstoken", "privatekey",
})
# Two-word tails that are credentials although their last word is not a credential word.
CREDENTIAL_TAILS: FrozenSet[Tuple[str, str]] = frozenset({
    ("otp", "code"), ("totp", "code"), ("mfa", "code"), ("tfa", "code"), ("pass", "word"),
})
# A word just before the credential word that makes the whole name an identifier or a public value.
QUALIFIERS_NOT_SECRET = {
    "token": frozenset({"page", "next", "previous", "prev", "continuation", "pagination", "sync", "cursor",
                        "resume", "csrf", "xsrf", "idempotency", "atlassian", "authenticity", "xf", "event"}),
    "key": frozenset({"public", "space", "project", "issue", "idempotency", "dedup", "deduplication", "partition",
                      "primary", "foreign", "sort", "view", "field", "routing", "template", "module", "plan",
                      "build", "report", "searcher", "lead", "type", "function", "schema", "test", "object",
                      "escape", "media", "analysis", "cache", "lookup", "map", "item", "row", "column", "index",
                      "entry", "dict", "config", "setting", "translation", "label", "message", "user", "system",
                      "virtual", "by", "group", "hotkey", "keyboard", "composite", "unique",
                      "natural", "shard", "bucket", "cluster", "registry", "idem"}),
    "signature": frozenset({"dkim", "email", "rsa", "author", "method"}),
    "auth": frozenset({"factor"}),  # two_factor_auth: a flag
    "pass": frozenset({"age", "gate", "boarding", "bus", "season", "day", "view", "by", "first", "second",
                       "multi", "single", "two", "one"}),
}
# A verb or flag in front of the credential word: the name is about a credential, it does not hold one.
VERB_PREFIXES: FrozenSet[str] = frozenset({
    "verify", "validate", "include", "enable", "disable", "hide", "is", "has", "use", "require", "requires",
    "remove", "reset", "change", "rotate", "revoke", "invalid", "expired", "allow", "skip", "no", "show",
    "with", "should", "can", "need", "needs", "check", "set",
})

# Sensitive data (not credentials): a name is sensitive when a whole word, or a run of consecutive
# words, spells one of these. ``sensitive-keys`` adds to it.
SENSITIVE_DATA: Tuple[str, ...] = (
    "ssn", "social_security", "dob", "date_of_birth", "birth_date", "birthdate", "card_number", "cardnumber",
    "credit_card", "creditcard", "cvv", "cvc", "cvv2", "iban", "account_number", "bank_account", "routing_number",
    "sort_code", "passport", "tax_id", "national_id", "pin_code", "pincode", "diagnosis", "medical_record",
    "health_record",
)

_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_SEPARATORS = re.compile(r"[^A-Za-z]+")
_MAX_WORDS = 12  # names longer than this are sentences, not keys


@lru_cache(maxsize=65536)
def words(name: str) -> Tuple[str, ...]:
    """``cardNumber`` / ``card_number`` / ``card-number`` / ``X-API-Key2`` -> lower-case words, digits
    dropped."""
    spaced = _ACRONYM.sub(r"\1 \2", _CAMEL.sub(r"\1 \2", name))
    return tuple(part for part in _SEPARATORS.split(spaced.lower()) if part)


@lru_cache(maxsize=65536)
def _credential_words(parts: Tuple[str, ...], extra: FrozenSet[str]) -> bool:
    if not parts or len(parts) > _MAX_WORDS:
        return False
    joined = "".join(parts)
    if joined in extra or "-".join(parts) in extra:
        return True
    last = parts[-1]
    before = parts[-2] if len(parts) > 1 else None
    if last not in CREDENTIAL_WORDS:
        return before is not None and (before, last) in CREDENTIAL_TAILS and not _verb(parts[:-2])
    if before is not None:
        if before in QUALIFIERS_NOT_SECRET.get(last, ()) or "".join(parts[-2:]) in ("csrftoken", "xsrftoken"):
            return False
        if before in VERB_PREFIXES or _verb(parts[:-1]):
            return False
    return True


def _verb(head: Tuple[str, ...]) -> bool:
    return bool(head) and head[0] in VERB_PREFIXES


@lru_cache(maxsize=16)
def _extra(entries: Tuple[str, ...]) -> FrozenSet[str]:
    return frozenset("".join(words(entry)) for entry in entries if words(entry))


def is_credential_name(name: Optional[str], extra: Sequence[str] = ()) -> bool:
    """True when a value under this name is a credential (see the module docstring). ``extra``
    names (the ``auth-headers`` option) count whole, whatever their words."""
    if not name:
        return False
    return _credential_words(words(name), _extra(tuple(extra)))


@lru_cache(maxsize=16)
def _sensitive_phrases(entries: Tuple[str, ...]) -> FrozenSet[str]:
    return frozenset("".join(words(entry)) for entry in (*SENSITIVE_DATA, *entries) if words(entry))


def is_sensitive_data_name(name: Optional[str], extra: Sequence[str] = ()) -> bool:
    """True when a value under this name is sensitive data (card number, iban, date of birth, ...):
    one word or a run of consecutive words spells a vocabulary entry or a ``sensitive-keys`` entry.
    Credentials are not sensitive data here (they make a call authenticated instead)."""
    if not name:
        return False
    parts = words(name)
    if not parts or len(parts) > _MAX_WORDS:
        return False
    wanted = _sensitive_phrases(tuple(extra))
    for start in range(len(parts)):
        run = ""
        for end in range(start, min(len(parts), start + 4)):
            run += parts[end]
            if run in wanted:
                return True
    return False


# -- literal values -----------------------------------------------------------------------------------
# Written in place of a secret in examples and templates; not a secret themselves.
PLACEHOLDERS: FrozenSet[str] = frozenset({
    "changeme", "change-me", "change_me", "xxx", "xxxx", "xxxxx", "secret", "password", "token", "apikey",
    "api-key", "api_key", "your-api-key", "your_api_key", "yourapikey", "your-token", "your_token", "none", "null",
    "dummy", "placeholder", "redacted", "todo", "fixme", "example", "test", "testing", "sample", "...", "***",
    "<token>", "<secret>", "<password>", "<api-key>", "<api_key>",
})
# Scheme names, which say how to authenticate but carry no secret.
SCHEME_NAMES: FrozenSet[str] = frozenset({
    "basic", "bearer", "digest", "negotiate", "ntlm", "kerberos", "token", "hoba", "mutual", "aws4-hmac-sha256",
    "oauth", "apikey",
})
_TEMPLATE = re.compile(r"^(<[^<>]*>|\{[^{}]*\}|\$\{[^{}]*\}|%\([^()]*\)s|\[[^\[\]]*\]|x+|\*+|\.+)$", re.IGNORECASE)
_WORDS_ONLY = re.compile(r"^[a-z]+([ _-][a-z]+)*$")


def is_placeholder(text: str) -> bool:
    """A literal that stands for a secret without being one: ``<token>``, ``changeme``, ``xxx``,
    ``YOUR_API_KEY``, ``{token}``."""
    stripped = text.strip()
    lowered = stripped.lower()
    if not stripped or lowered in PLACEHOLDERS or _TEMPLATE.match(stripped):
        return True
    return lowered.startswith(("your", "<your", "my-", "my_", "insert", "enter", "replace", "put-", "put_")) \
        and not any(c.isdigit() for c in stripped)


def is_secret_literal(text: str, strict: bool = False) -> bool:
    """Whether a literal sent as a credential is a secret worth reporting: not empty, not a
    placeholder, not a URI, not a bare scheme name. ``strict`` (a header or field picked out by
    its name alone) also rejects plain words such as ``no-check``, which are switches, not
    secrets."""
    stripped = text.strip()
    if not stripped or is_placeholder(stripped):
        return False
    if "://" in stripped or stripped.lower() in SCHEME_NAMES:
        return False
    if strict and (_WORDS_ONLY.match(stripped) or len(stripped) < 6):
        return False
    return True


def looks_like_secret(segment: str) -> bool:
    """A URL path segment that looks like a key or token rather than a name: long, and mixing
    letters with digits (``123456:AAF3kq...``, ``sk_live_51H8x...``)."""
    if len(segment) < 20:
        return False
    has_digit = any(c.isdigit() for c in segment)
    has_alpha = any(c.isalpha() for c in segment)
    return has_digit and has_alpha


# -- the matching rule, as the rule pages state it ------------------------------------------------------
def _listed(items) -> str:
    return ", ".join(f"`{item}`" for item in sorted(items))


CREDENTIAL_NAMES_DOC = f"""
**What counts as a credential.** A key, header, query parameter, form field, variable or
attribute name is split into words on `_`, `-`, `.`, digits and camelCase (`X-Postmark-Server-Token`
→ x postmark server token, `appToken` → app token). It is a credential when its **last** word is
one of {_listed(CREDENTIAL_WORDS)} (or its last two words are {_listed(' '.join(t) for t in CREDENTIAL_TAILS)}),
so `api_key`, `client_secret`, `refresh_token`, `X-Auth-Token`, `push_key` and `psw` are credentials
while `token_type`, `token_url`, `key_id`, `password_required`, `keyword`, `monkey` and `passenger`
are not. It is not a credential when the word before names a non-secret kind (`page_token`,
`next_token`, `csrf_token`, `public_key`, `issue_key`, `idempotency_key`, `routing_key`, ...) or the
name starts with a verb or flag (`verify_signature`, `reset_password`, `include_credentials`).
`sid` and `session` alone are identifiers (`account_sid`, `session_id`); `sessionid`, `jsessionid`
and `phpsessid` are credentials. The `auth-headers` option adds header names that count whatever
their words.
"""


def listing(names, limit: int = 5) -> str:
    """``a, b, c`` — at most ``limit`` names, then how many more (a 50,000-key body must not make a
    50,000-name message)."""
    names = list(dict.fromkeys(names))
    shown = ", ".join(names[:limit])
    return shown if len(names) <= limit else f"{shown} and {len(names) - limit} more"
