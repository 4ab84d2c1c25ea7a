import os

import requests

from .settings import VAULT_API


def secrets(path):
    # label: none
    return requests.get(f"{VAULT_API}/secrets/{path}", headers={"X-Vault-Token": os.environ["VAULT_TOKEN"]})
