import os

import requests

INVENTORY = "https://stock.inventory-three.example.com/api"
HEADERS = {"X-Api-Key": os.environ.get("INVENTORY_KEY", "")}


def levels():
    # label: none
    return requests.get(INVENTORY + "/levels", headers=HEADERS)


def reserve(sku, count):
    # label: none
    return requests.post(INVENTORY + "/reservations", json={"sku": sku, "count": count}, headers=HEADERS)


def release(reservation_id):
    # label: EGR301
    return requests.delete(f"{INVENTORY}/reservations/{reservation_id}")
