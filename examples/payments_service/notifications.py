"""Receipts by e-mail and a webhook to the partner's old endpoint."""
import os
import smtplib
import ssl

import requests

PARTNER_WEBHOOK = "http://hooks.partner-bank.com/payments"
WEBHOOK_TOKEN = os.environ["PARTNER_WEBHOOK_TOKEN"]


def send_receipt(to_address, body):
    with smtplib.SMTP("smtp.mailhost.com", 25) as server:
        server.login("receipts", os.environ["SMTP_PASSWORD"])
        server.sendmail("receipts@payments.example.com", [to_address], body)


def notify_partner(payment):
    return requests.post(
        PARTNER_WEBHOOK,
        json={"payment_id": payment["id"], "amount": payment["amount"]},
        headers={"Authorization": f"Bearer {WEBHOOK_TOKEN}"},
        timeout=10,
    )


def legacy_bank_context():
    # The bank's gateway only speaks TLS 1.0 with old ciphers.
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    ctx.set_ciphers("DES-CBC3-SHA:RC4-SHA")
    return ctx


def local_health():
    return requests.get("http://localhost:9000/health", timeout=1)
