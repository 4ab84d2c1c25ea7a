"""The credential and sensitive-data vocabularies: the names measured on real code decide each case."""
import pytest

from egress_lint.analysis.vocabulary import (is_credential_name, is_placeholder, is_secret_literal,
                                             is_sensitive_data_name, listing, looks_like_secret, words)


@pytest.mark.parametrize("name,expected", [
    ("cardNumber", ("card", "number")),
    ("X-Postmark-Server-Token", ("x", "postmark", "server", "token")),
    ("APIKey2", ("api", "key")),
    ("user[password]", ("user", "password")),
    ("Config.NotificationToken", ("config", "notification", "token")),
])
def test_words(name, expected):
    assert words(name) == expected


CREDENTIALS = [
    "token", "api_key", "apikey", "ApiKey", "x-apikey", "X-API-Key", "authkey", "Authorization", "auth",
    "client_secret", "clientSecret", "refresh_token", "access_token", "accessToken", "appToken", "app_secret",
    "push_key", "client_key", "secret_key", "X-Postmark-Server-Token", "X-Auth-Token", "Access-Token",
    "AuthorizationToken", "password", "passwd", "pwd", "psw", "root_pass", "PassWord", "new_password",
    "signature", "sig", "x-signature", "cookie", "credentials", "bearer", "otp", "otp_code", "jsessionid",
    "sessionid", "session_token", "private_key", "ssh_key", "license_key", "oauth_token", "key",
]
NOT_CREDENTIALS = [
    "token_type", "token_url", "tokenUrl", "token_type_hint", "key_id", "keyId", "sharedKeyId", "public_key",
    "publicKey", "page_token", "PageToken", "nextPageToken", "next_token", "pagination_token", "csrf_token",
    "X-CSRF-Token", "X-CSRFToken", "X-Atlassian-Token", "authenticity_token", "idempotency_key",
    "Idempotency-Key", "routing_key", "dedup_key", "issue_key", "spaceKey", "projectKey", "partitionKey",
    "keyword", "monkey", "passenger", "keyboard", "sid", "account_sid", "AccountSid", "session",
    "session_id", "sessionId", "password_required", "shared_link_password_protected", "verify_signature",
    "reset_password", "include_credentials", "includeCredentials", "auth_method", "auth_type", "authID",
    "user_auth_url", "bot_token_expires_at", "access_token_ttl", "secret_type", "credential_id",
    "DKIM-Signature", "author_signature", "signatureAlgorithm", "ageGatePass", "two_factor_auth", "",
]


@pytest.mark.parametrize("name", CREDENTIALS)
def test_credential_names(name):
    assert is_credential_name(name)


@pytest.mark.parametrize("name", NOT_CREDENTIALS)
def test_names_that_are_not_credentials(name):
    assert not is_credential_name(name)


def test_auth_headers_option_adds_whole_names():
    assert not is_credential_name("X-Internal-Grant")
    assert is_credential_name("X-Internal-Grant", ["X-Internal-Grant"])
    assert is_credential_name("x-internal-grant", ["X-Internal-Grant"])


@pytest.mark.parametrize("name", ["card_number", "cardNumber", "credit_card_number", "cvv", "iban", "ssn",
                                  "date_of_birth", "dateOfBirth", "birthdate", "account_number", "passport",
                                  "tax_id", "routing_number", "medical_record_id"])
def test_sensitive_data_names(name):
    assert is_sensitive_data_name(name)


@pytest.mark.parametrize("name", ["card", "account", "account_sid", "pin", "amount", "health", "message",
                                  "password", "token", "pinned", "cardinal"])
def test_names_that_are_not_sensitive_data(name):
    assert not is_sensitive_data_name(name)


def test_sensitive_keys_option_extends_the_data_vocabulary():
    assert not is_sensitive_data_name("member_number")
    assert is_sensitive_data_name("member_number", ["member_number"])
    assert is_sensitive_data_name("memberNumber", ["member_number"])
    assert is_sensitive_data_name("home_account", ["account"])


@pytest.mark.parametrize("text", ["<token>", "{token}", "${API_KEY}", "changeme", "xxx", "XXXXXXXX", "***",
                                  "YOUR_API_KEY", "your-token-here", "", "  ", "secret", "password", "dummy"])
def test_placeholders(text):
    assert is_placeholder(text)
    assert not is_secret_literal(text)


@pytest.mark.parametrize("text", ["Negotiate", "Bearer", "NTLM", "https://vault.example.com/v1/secret"])
def test_schemes_and_uris_are_not_secrets(text):
    assert not is_secret_literal(text)


def test_secrets():
    assert is_secret_literal("hunter2")
    assert is_secret_literal("admin")  # a default password is the classic hard-coded credential
    assert is_secret_literal("sk_live_51H8xQ2eZvKYlo2C", strict=True)
    assert not is_secret_literal("no-check", strict=True)  # a switch in a header named like a token
    assert not is_secret_literal("abc", strict=True)


def test_segments_that_look_like_secrets():
    assert looks_like_secret("123456789:AAHfiqksKZ8WmR2zSjiQ7")
    assert not looks_like_secret("getting-started-with-the-api")
    assert not looks_like_secret("v1")


def test_listing_caps_long_lists():
    assert listing(["a", "b"]) == "a, b"
    assert listing([str(i) for i in range(50_000)]) == "0, 1, 2, 3, 4 and 49995 more"


@pytest.mark.parametrize("code, heading", [
    ("EGR301", "**What counts as a credential.**"), ("EGR302", "**What counts as a credential.**"),
    ("EGR303", "**What is not a secret.**"),
])
def test_explain_states_the_matching_rule(code, heading):
    from .helpers import egress_lint

    proc = egress_lint("explain", code)
    assert proc.returncode == 0, proc.stderr
    assert heading in proc.stdout
    if code != "EGR303":
        assert "`token_type`, `token_url`, `key_id`" in proc.stdout  # the deny cases are named
