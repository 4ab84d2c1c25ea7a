import requests


class Billing:
    def __init__(self, signer):
        self.signer = signer

    def _headers(self):
        return self.signer.headers()

    def refund(self, charge_id):
        # label: none
        return requests.post(f"https://billing.ten.example.com/payments/{charge_id}/refund", headers=self._headers())


def archive(session, user_id):
    # label: none
    return session.post(f"https://users.ten.example.com/users/{user_id}/archive")
