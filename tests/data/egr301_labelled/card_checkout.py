import requests


def charge(card, amount):
    payload = {"card_number": card.number, "cvc": card.cvc, "amount": amount}
    # label: EGR301
    return requests.post("https://pay.checkout-one.example.com/v1/charges", json=payload)
