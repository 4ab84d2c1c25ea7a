import os

import requests


def _signed(**extra):
    query = {"api_key": os.environ["SHOP_KEY"]}
    query.update(extra)
    return query


def order(item, quantity):
    # label: none
    return requests.post("https://shop.fourteen.example.com/accounts/orders", params=_signed(v=2),
                         json={"item": item, "quantity": quantity})
