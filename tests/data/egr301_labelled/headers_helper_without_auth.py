import requests


def _headers():
    return {"Content-Type": "application/json", "Accept": "application/json"}


def wire(iban, cents):
    # the helper sends no credential: a forgotten one
    # label: EGR301
    return requests.post("https://wire.sixteen.example.com/transfer", json={"amount": cents, "to": iban},
                         headers=_headers())
