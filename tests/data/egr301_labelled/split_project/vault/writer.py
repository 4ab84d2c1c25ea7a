import requests

from .settings import VAULT_API


def destroy(path):
    # reader.py sends the token to the same API; this module does not import it
    # label: EGR301
    return requests.delete(f"{VAULT_API}/secrets/{path}")
