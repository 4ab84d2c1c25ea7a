"""egress-lint: finds outbound network calls that are not both encrypted and authenticated."""

__version__ = "0.1.0"
