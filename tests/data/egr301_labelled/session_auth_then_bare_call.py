import os

import requests

session = requests.Session()
session.auth = ("deploy", os.environ["DEPLOY_PASSWORD"])


def builds():
    # label: none
    return session.get("https://ci.builds-four.example.com/api/builds")


def trigger(job):
    # label: EGR301
    return requests.post(f"https://ci.builds-four.example.com/api/jobs/{job}/trigger", json={"ref": "main"})
