"""Card processor client."""
import logging

import requests
import urllib3

from .settings import PROCESSOR_URL

log = logging.getLogger(__name__)

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

# Staging has a self-signed certificate, so somebody turned verification off for refunds.
HTTP_OPTIONS = {"verify": False, "timeout": 10}


class ProcessorClient:
    def __init__(self, api_key):
        self.session = requests.Session()
        self.session.headers["X-API-Key"] = api_key
        self.session.verify = False

    def charge(self, card_token, amount_cents):
        body = {"token": card_token, "amount": amount_cents}
        response = self.session.post(f"{PROCESSOR_URL}/charges", json=body)
        response.raise_for_status()
        return response.json()

    def refund(self, charge_id):
        return requests.post(f"{PROCESSOR_URL}/refunds", json={"charge": charge_id}, **HTTP_OPTIONS)
