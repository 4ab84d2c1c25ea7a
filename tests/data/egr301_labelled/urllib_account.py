import json
import urllib.request


def close(account_id):
    request = urllib.request.Request(
        f"https://core.bank-six.example.com/accounts/{account_id}/close",
        data=json.dumps({"reason": "customer"}).encode(),
        method="POST",
    )
    # label: EGR301
    return urllib.request.urlopen(request)
